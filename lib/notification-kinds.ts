/**
 * What the bell tells an agent. Every kind is on until the agent mutes it (the bell's settings): a muted
 * kind is not recorded for them at all, so it neither counts as unread nor reaches a mail or the browser.
 */
export const NOTIFICATION_KINDS = [
  'sla_warning',
  'sla_breached',
  'survey_unhappy',
  'snooze_ended',
  'assigned',
  'mentioned',
  'customer_replied',
  'new_chat',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
