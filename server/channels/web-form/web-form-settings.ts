import { z } from 'zod';

export const webFormSettingsSchema = z.object({
  /** The email inbox answers go out through; null: the first one. */
  emailChannelId: z.number().int().positive().nullable().default(null),
});
