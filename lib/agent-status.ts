/**
 * What an agent says about themselves: online takes chats, away is there but takes none, offline appears
 * gone. Whatever they chose, an agent without the app open is offline.
 */
export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const DEFAULT_CHAT_LIMIT = 3;

export const effectiveStatus = (chosen: AgentStatus, connected: boolean): AgentStatus => (connected ? chosen : 'offline');
