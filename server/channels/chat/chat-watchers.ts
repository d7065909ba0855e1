// Who has a chat conversation open right now: a visitor in the widget, an agent in the inbox. Each
// socket namespace answers for its side; the probes live on globalThis because Next's bundled copies of
// this module must see the same ones.
type Side = 'visitor' | 'agent';
type Probe = (ticketId: number) => boolean;
const registry = globalThis as unknown as { __helpdeskWatchProbes?: Partial<Record<Side, Probe>> };

export function setWatchProbe(side: Side, probe: Probe | undefined) {
  registry.__helpdeskWatchProbes = { ...registry.__helpdeskWatchProbes, [side]: probe };
}

export function isWatching(side: Side, ticketId: number): boolean {
  return registry.__helpdeskWatchProbes?.[side]?.(ticketId) ?? false;
}
