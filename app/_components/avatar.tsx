// -700 shades: white initials on them keep a 4.5:1 contrast.
const COLORS = ['bg-sky-700', 'bg-emerald-700', 'bg-violet-700', 'bg-amber-700', 'bg-rose-700', 'bg-teal-700', 'bg-indigo-700', 'bg-fuchsia-700'];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** Initials on a colour derived from the name, so the same person always looks the same. */
export function Avatar({ name, size = 'md', ring }: { name: string; size?: 'sm' | 'md'; ring?: boolean }) {
  const hash = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const dims = size === 'sm' ? 'size-6 text-[10px]' : 'size-8 text-xs';
  return (
    <span
      title={name}
      aria-hidden
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ${dims} ${COLORS[hash % COLORS.length]} ${ring ? 'ring-2 ring-white' : ''}`}
    >
      {initials(name)}
    </span>
  );
}
