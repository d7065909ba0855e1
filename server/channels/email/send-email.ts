import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSettings } from './email-settings';
import type { EmailPayload } from './compose-email';

import { PermanentDeliveryError } from '../channel-adapter';
import { openPassword } from '../channel-secrets';

const transports = new Map<string, Transporter>();

function transportFor(smtp: NonNullable<EmailSettings['smtp']>): Transporter {
  const key = JSON.stringify(smtp);
  let t = transports.get(key);
  if (!t) {
    t = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: openPassword(smtp.pass) ?? '' } : undefined,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    transports.set(key, t);
  }
  return t;
}

/**
 * Sends one email through the inbox's relay. Throws PermanentDeliveryError when retrying cannot help
 * (no relay configured, a 5xx answer); any other error is worth a retry.
 */
export type MailFile = { filename: string; contentType: string; path: string };

export async function sendEmail(settings: EmailSettings, mail: EmailPayload, files: MailFile[] = []): Promise<string> {
  if (!settings.smtp) throw new PermanentDeliveryError(`No outgoing SMTP server is configured for ${settings.address}`);
  try {
    const info = await transportFor(settings.smtp).sendMail({
      from: mail.from,
      replyTo: mail.replyTo,
      to: mail.to,
      cc: mail.cc,
      bcc: mail.bcc,
      subject: mail.subject,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo ?? undefined,
      references: mail.references,
      text: mail.text,
      html: mail.html,
      attachments: files,
      headers: {
        ...(mail.autoSubmitted
          ? { 'Auto-Submitted': mail.autoSubmitted === 'auto-generated' ? 'auto-generated' : 'auto-replied', 'X-Auto-Response-Suppress': 'All' }
          : {}),
        ...(mail.listUnsubscribe ? { 'List-Unsubscribe': `<${mail.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      },
    });
    return info.response ?? '';
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    const message = (err as { response?: string }).response ?? (err instanceof Error ? err.message : String(err));
    if (code && code >= 500) throw new PermanentDeliveryError(message);
    throw new Error(message);
  }
}

/** For the inbox settings page: connect and authenticate, and report the server's answer. */
export async function verifySmtp(smtp: NonNullable<EmailSettings['smtp']>): Promise<void> {
  await transportFor(smtp).verify();
}

export function closeTransports() {
  for (const t of transports.values()) t.close();
  transports.clear();
}
