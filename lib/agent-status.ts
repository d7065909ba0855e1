/**
 * What an agent says about themselves: online takes chats, away is there but takes none, offline appears
 * gone. Whatever they chose, an agent without the app open is offline.
 */
export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const DEFAULT_CHAT_LIMIT = 3;
/** An admin sets each agent's limit up to this; 0 takes them out of chat routing without making them away. */
export const MAX_CHAT_LIMIT = 20;

export const effectiveStatus = (chosen: AgentStatus, connected: boolean): AgentStatus => (connected ? chosen : 'offline');
