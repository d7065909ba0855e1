import { TextField } from './text-field';

/** A time-zone input that suggests the platform's IANA zones (the server validates what is typed). */
export function TimeZoneField({ label, value, onChange, id }: { label: string; value: string; onChange: (zone: string) => void; id: string }) {
  return (
    <>
      <TextField label={label} required value={value} onChange={(e) => onChange(e.target.value)} list={id} />
      <datalist id={id}>
        {Intl.supportedValuesOf('timeZone').map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}
