import crypto from 'node:crypto';
import { chatSettingsSchema, type ChatSettings } from '@/lib/channel-settings/chat';
import type { WidgetAppearance } from '@/lib/widget-events';

// The schema itself is shared with the settings page: lib/channel-settings/chat.ts.
export { chatSettingsSchema, type ChatSettings };

export function newChatSecrets() {
  return { publicToken: crypto.randomBytes(18).toString('base64url'), identitySecret: crypto.randomBytes(32).toString('hex') };
}

export function appearanceOf(s: ChatSettings, limits: { maxFileMb: number; maxMessageLength: number }): WidgetAppearance {
  return {
    color: s.color,
    position: s.position,
    greeting: s.greeting,
    launcherText: s.launcherText,
    defaultLocale: s.defaultLocale,
    expectedReplyMinutes: s.expectedReplyMinutes,
    ...limits,
  };
}
