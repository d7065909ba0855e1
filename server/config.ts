import { z } from 'zod';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** Encrypts channel secrets at rest (32 bytes, base64: `openssl rand -base64 32`); generated into DATA_DIR when unset. */
  CHANNEL_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'CHANNEL_SECRET_KEY must be 32 bytes, base64-encoded')
    .optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD must be at least 10 characters').optional(),
  /** Seed demo data into an empty database on first start. */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  DEMO_TICKETS: z.coerce.number().int().min(0).default(3000),
  /** Inbound SMTP for the email inboxes (0 picks a free port). */
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_HOST: z.string().min(1).optional(),
  MAIL_MAX_MB: z.coerce.number().positive().max(200).default(25),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(200).default(20),
  /** Chat widget limits: messages per visitor and per address, new conversations per address. */
  WIDGET_VISITOR_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  WIDGET_IP_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(300),
  WIDGET_IP_CONVERSATIONS_PER_HOUR: z.coerce.number().int().positive().default(30),
  /** How long an agent's chat reply waits for a visitor who left before it goes out by email. */
  CHAT_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(86400).default(120),
  /** How long an agent's email or messenger reply can be taken back ("undo send") before it goes out; 0: at once. */
  UNDO_SEND_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  /** SpamAssassin's spamd (spamc protocol over TCP) checking inbound mail; off when unset. */
  SPAMD_HOST: z.string().min(1).optional(),
  SPAMD_PORT: z.coerce.number().int().min(1).max(65535).default(783),
  /** A check that takes longer lets the mail through unflagged: the SMTP answer never waits on a stuck filter. */
  SPAMD_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** SPF, DKIM and DMARC checks of mail reaching the SMTP listener. */
  MAIL_AUTH: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** DNS servers for those checks ("127.0.0.1:5353,[::1]:53"); the system's when unset. */
  DNS_SERVERS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    ),
  MAIL_AUTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SESSION_SECRET' | 'PUBLIC_URL' | 'CHANNEL_SECRET_KEY'> & {
  sessionSecret: string;
  channelSecretKey: Buffer;
  publicUrl: string;
  databaseFile: string;
};

/** Reads and validates the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const { SESSION_SECRET, PUBLIC_URL, CHANNEL_SECRET_KEY, ...rest } = parsed.data;
  const dataDir = path.resolve(rest.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  return {
    ...rest,
    DATA_DIR: dataDir,
    sessionSecret: SESSION_SECRET ?? readOrCreateSecret(path.join(dataDir, 'session-secret')),
    channelSecretKey: Buffer.from(CHANNEL_SECRET_KEY ?? readOrCreateSecret(path.join(dataDir, 'channel-secret-key')), 'base64'),
    publicUrl: (PUBLIC_URL ?? `http://localhost:${rest.PORT}`).replace(/\/$/, ''),
    databaseFile: path.join(dataDir, 'helpdesk.db'),
  };
}

/** The secret is generated on first start and kept beside the database so restarts keep signatures valid. */
function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
