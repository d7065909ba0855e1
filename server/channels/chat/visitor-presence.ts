// Whether a visitor has a conversation open in the widget right now. The widget namespace answers;
// the probe lives on globalThis because Next's bundled copies of this module must see the same one.
const registry = globalThis as unknown as { __helpdeskVisitorProbe?: (ticketId: number) => boolean };

export function setVisitorProbe(probe: ((ticketId: number) => boolean) | undefined) {
  registry.__helpdeskVisitorProbe = probe;
}

export function isVisitorWatching(ticketId: number): boolean {
  return registry.__helpdeskVisitorProbe?.(ticketId) ?? false;
}
