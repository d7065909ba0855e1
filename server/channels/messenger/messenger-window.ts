import { HUMAN_AGENT_WINDOW_MS, MESSENGER_WINDOW_MS, type MessengerSettings } from '@/lib/channel-settings/messenger';

/** How long after the customer's last message the page may answer: 24 hours, or 7 days with the human-agent tag. */
export const windowMsOf = (s: Pick<MessengerSettings, 'humanAgentTag'>) => (s.humanAgentTag ? HUMAN_AGENT_WINDOW_MS : MESSENGER_WINDOW_MS);
