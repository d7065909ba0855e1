import { EventEmitter } from 'node:events';
import type { TicketChange } from '@/lib/realtime-events';

/** Domain events inside the process. Domain code emits here; the realtime module (and later jobs) listen. */
export type BusEvents = {
  'ticket.changed': [TicketChange];
  'session.revoked': [{ sessionIds: string[] }];
};

export type Bus = EventEmitter<BusEvents>;

// One bus per process, shared with Next's separately bundled module copies through globalThis.
const registry = globalThis as unknown as { __helpdeskBus?: Bus };

export function getBus(): Bus {
  registry.__helpdeskBus ??= new EventEmitter<BusEvents>();
  return registry.__helpdeskBus;
}
