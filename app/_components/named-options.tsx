/** `<option>`s for a list of named records (agents, teams, tags), valued by id. */
export function NamedOptions({ items }: { items: readonly { id: number; name: string }[] }) {
  return (
    <>
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </>
  );
}

/** Reads a `<select>` value that is either empty or a numeric id. */
export const idOrNull = (value: string) => (value ? Number(value) : null);
