import { getBus } from './bus';

// Which agents have the app open (at least one socket), shared with Next's module copies via globalThis.
// The widget uses it to say whether someone is there to answer.
const registry = globalThis as unknown as { __helpdeskOnlineAgents?: Map<number, number> };
const sockets = () => (registry.__helpdeskOnlineAgents ??= new Map());

export function agentConnected(agentId: number) {
  const n = sockets().get(agentId) ?? 0;
  sockets().set(agentId, n + 1);
  if (n === 0) {
    getBus().emit('chat.availability');
    getBus().emit('agent.status');
  }
}

export function agentDisconnected(agentId: number) {
  const n = (sockets().get(agentId) ?? 1) - 1;
  if (n > 0) return void sockets().set(agentId, n);
  sockets().delete(agentId);
  getBus().emit('chat.availability');
  getBus().emit('agent.status');
}

export function onlineAgentIds(): number[] {
  return [...sockets().keys()];
}
