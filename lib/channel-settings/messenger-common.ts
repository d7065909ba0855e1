import { z } from 'zod';

/** Setting fields every messenger channel has (WhatsApp, Messenger, Telegram), one definition each. */

/** The platform's API, or a staging or test server that follows its contract (no trailing slash). */
export const apiBaseUrl = (platform: string) =>
  z
    .string()
    .trim()
    .url()
    .transform((u) => u.replace(/\/$/, ''))
    .default(platform);

/** A message this long after the ticket was solved reopens it; later ones open a new, linked ticket. */
export const reopenDays = z.number().int().min(0).max(90).default(7);

/** The composer warns this long before the platform's reply window closes. */
export const windowWarningMinutes = z.number().int().min(1).max(1440).default(60);

/** A secret as an admin types it; left out (or empty), the stored one is kept. */
export const secretInput = z.string().trim().max(1000).optional();

/** What every channel's save has beside its settings: its name in the inbox and the team its tickets go to. */
export const channelIdentity = { name: z.string().trim().min(1).max(100), defaultTeamId: z.number().int().positive().nullable() };
