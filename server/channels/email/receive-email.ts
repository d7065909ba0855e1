import type { Db } from '@/db/client';
import { listChannelsOfKind, findMessageByChannelMessageId, setMessageDelivery } from '@/db/queries/inbound';
import { getBus } from '@/server/realtime/bus';
import { commitGrouped } from '@/db/group-commit';
import { getConfig } from '@/server/runtime-config';
import { storeAttachments } from '@/server/content/attachment-store';
import { ingest, type IngestResult } from '../ingest';
import { emailSettingsSchema, splitPlusAddress, type EmailSettings } from './email-settings';
import { findEmailThread } from './find-email-thread';
import { queueAcknowledgement } from './acknowledge';
import { parseMail, type ParsedEmail } from './parse-mail';
import { checkInboundMail } from './spam/check-inbound-mail';

/**
 * SMTP envelope; `mailFrom` is '' for the null reverse path (MAIL FROM:<>) and null when unknown (IMAP).
 * The client's address and EHLO name are known only over SMTP; without them SPF cannot be checked.
 */
export type Envelope = { mailFrom: string | null; rcptTo: string[]; clientIp?: string; helo?: string | null };
export type ReceiveResult = ({ kind: 'ingested' } & IngestResult) | { kind: 'ignored'; reason: string } | { kind: 'bounce'; messageId: number | null };

export class UnparseableMailError extends Error {}

type EmailInbox = { id: number; name: string; settings: EmailSettings };

// Validated settings by their JSON text: every RCPT and every message looks the inboxes up.
const settingsCache = new Map<string, EmailSettings | null>();
function parseSettingsCached(settings: unknown): EmailSettings | null {
  const key = JSON.stringify(settings);
  let parsed = settingsCache.get(key);
  if (parsed === undefined) {
    if (settingsCache.size > 100) settingsCache.clear();
    const result = emailSettingsSchema.safeParse(settings);
    settingsCache.set(key, (parsed = result.success ? result.data : null));
  }
  return parsed;
}

/** Email inboxes by their address. */
export function emailInboxes(db: Db): Map<string, EmailInbox> {
  const inboxes = new Map<string, EmailInbox>();
  for (const c of listChannelsOfKind(db, 'email')) {
    const settings = parseSettingsCached(c.settings);
    if (settings) inboxes.set(settings.address, { id: c.id, name: c.name, settings });
  }
  return inboxes;
}

/**
 * One inbound email, from SMTP or IMAP: parse, drop our own mail, record bounces against the reply that
 * bounced, otherwise ingest it on the right thread and acknowledge new tickets (unless the mail is
 * automatic, so two robots never answer each other).
 */
export async function receiveEmail(db: Db, raw: Buffer, envelope: Envelope, now = Date.now()): Promise<ReceiveResult> {
  let mail: ParsedEmail;
  try {
    mail = await parseMail(raw);
  } catch (err) {
    throw new UnparseableMailError(err instanceof Error ? err.message : String(err));
  }
  const inboxes = emailInboxes(db);
  const ours = (address: string) => inboxes.has(splitPlusAddress(address).base);
  const recipients = [...envelope.rcptTo, ...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address)].map((a) => a.toLowerCase());
  const inbox = recipients.map((r) => inboxes.get(splitPlusAddress(r).base)).find(Boolean);
  if (!inbox) return { kind: 'ignored', reason: 'not addressed to any inbox' };

  if (mail.bounce) return recordBounce(db, mail.bounce);
  const sender = mail.from ?? (envelope.mailFrom ? { address: envelope.mailFrom.toLowerCase() } : null);
  if (sender && ours(sender.address)) return { kind: 'ignored', reason: 'sent from one of our own addresses' };
  // A null return path (MAIL FROM:<>) marks automatic mail too, even without the headers.
  const automatic = mail.autoSubmitted || envelope.mailFrom === '' || !sender;
  const address = sender?.address ?? 'unknown-sender@invalid';
  const config = getConfig();
  const [verdict, files] = await Promise.all([
    checkInboundMail(raw, mail.upstreamSpam, { clientIp: envelope.clientIp ?? null, helo: envelope.helo ?? null, mailFrom: envelope.mailFrom || null }, config),
    storeAttachments(config.DATA_DIR, mail.attachments, config.ATTACHMENT_MAX_MB * 1024 * 1024),
  ]);

  // Shares a commit with the other mail that arrived in the same turn; resolves after the commit.
  const result = await commitGrouped(db, () =>
    ingest(
      db,
      {
        channelId: inbox.id,
        // A From that fails its domain's DMARC check is someone else's address: it proves nothing.
        from: { externalId: address, name: sender?.name ?? '', email: sender ? address : null, emailProven: !!sender && !verdict.dmarcFailed },
        channelMessageId: mail.messageId,
        subject: mail.subject || null,
        text: mail.text,
        html: mail.html,
        email: {
          subject: mail.subject,
          from: sender ?? undefined,
          to: mail.to,
          cc: mail.cc,
          inReplyTo: mail.inReplyTo ?? undefined,
          references: mail.references,
          ...(Object.keys(verdict.checks).length ? { checks: verdict.checks } : {}),
        },
        receivedAt: now,
        autoSubmitted: automatic,
        quarantine: verdict.quarantine,
        attachments: files,
      },
      {
        resolveThread: (tx, customerId) => findEmailThread(tx, mail, recipients, new Set(inboxes.keys()), customerId, { subjectToken: !verdict.dmarcFailed }),
        onTicketCreated: (tx, ticket) => {
          // Spam and forged senders get no answer: an acknowledgement would confirm the address and reach a victim.
          if (!automatic && !verdict.quarantine && !verdict.dmarcFailed) queueAcknowledgement(tx, inbox, ticket, mail.text, now);
        },
      },
    ),
  );
  return { kind: 'ingested', ...result };
}

function recordBounce(db: Db, bounce: NonNullable<ParsedEmail['bounce']>): ReceiveResult {
  const original = bounce.originalMessageId ? findMessageByChannelMessageId(db, bounce.originalMessageId) : undefined;
  if (!original) return { kind: 'bounce', messageId: null };
  setMessageDelivery(db, original.id, 'failed', `Bounced: ${bounce.reason}`);
  getBus().emit('ticket.changed', { ticketId: original.ticketId, kind: 'message', actorAgentId: null });
  return { kind: 'bounce', messageId: original.id };
}
