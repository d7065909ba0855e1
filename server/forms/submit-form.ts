import { setCustomerLocale } from '@/db/queries/surveys';
import type { Db } from '@/db/client';
import { consumeFormToken, findFormBySlug, findFormVersion } from '@/db/queries/forms';
import { findChannel } from '@/db/queries/inbound';
import type { Answers, FormDefinition } from '@/lib/forms/form-definition';
import { validateSubmission } from '@/lib/forms/validate-submission';
import { applyFormAnswers, mappedAnswer } from './apply-form-answers';
import { DomainError } from '@/server/errors/domain-error';
import { webFormChannelFor } from '@/server/channels/web-form/web-form-channel';
import { ingest } from '@/server/channels/ingest';
import { emailSettingsSchema } from '@/server/channels/email/email-settings';
import { queueAcknowledgement } from '@/server/channels/email/acknowledge';
import { checkFormToken } from './form-token';
import type { FieldError } from '@/lib/forms/evaluate-form';
import type { Locale } from '@/lib/domain';
import { getConfig } from '@/server/runtime-config';
import { storeAttachments } from '@/server/content/attachment-store';
import { cleanFilename, refuseReason } from '@/server/content/file-safety';

export type UploadedFile = { field: string; filename: string; contentType: string; content: Buffer };
/** `locale`: the language the visitor filled the form in; the ticket's first message uses its labels. */
export type SubmitFormInput = { slug: string; version: number; answers: Answers; token: string; honeypot: string; files?: UploadedFile[]; locale?: Locale };

/**
 * A public form submission: spam checks, the form's current rules enforced by the same engine the page
 * runs, then a ticket on the form's email inbox with the answers as its first message, the routing
 * rules applied and recorded, and the acknowledgement queued, all in one transaction. Uploaded files
 * become attachments of that first message; a file field's answer is the names of what really arrived.
 */
export async function submitForm(db: Db, input: SubmitFormInput, secret: string, now = Date.now()) {
  const form = findFormBySlug(db, input.slug);
  if (!form) throw new DomainError('NOT_FOUND', 'public_form_not_found');
  // A filled honeypot or an instant submission is a robot; the message stays vague on purpose.
  const token = checkFormToken(secret, input.token, now);
  if (input.honeypot || !token.ok) throw new DomainError('BAD_REQUEST', 'form_not_accepted');
  if (input.version !== form.currentVersion) throw new DomainError('CONFLICT', 'form_changed_meanwhile');
  const definition = findFormVersion(db, form.id, form.currentVersion)!.definition;
  const files = input.files ?? [];
  const result = validateSubmission(definition, withUploadedFiles(definition, input.answers, files));
  if (!result.ok) throw new DomainError('BAD_REQUEST', 'answers_need_attention', {}, { fieldErrors: result.errors });
  const maxBytes = getConfig().ATTACHMENT_MAX_MB * 1024 * 1024;
  const fileErrors: FieldError[] = [];
  for (const f of files) {
    if (!(await refuseReason(f, maxBytes))) continue;
    fileErrors.push(
      f.content.length > maxBytes ? { field: f.field, code: 'file_size', limit: getConfig().ATTACHMENT_MAX_MB } : { field: f.field, code: 'file_type' },
    );
  }
  if (fileErrors.length) throw new DomainError('BAD_REQUEST', 'files_not_accepted', {}, { fieldErrors: fileErrors });
  const attachments = await storeAttachments(
    getConfig().DATA_DIR,
    files.map((f) => ({ filename: f.filename, contentType: f.contentType || 'application/octet-stream', content: f.content, contentId: null, inline: false })),
    maxBytes,
  );

  const answers = result.answers;
  const email = mappedAnswer(definition, answers, (f) => f.type === 'email');
  if (typeof email !== 'string')
    throw new DomainError(
      'BAD_REQUEST',
      'email_address_needed',
      {},
      { fieldErrors: [{ field: definition.fields.find((f) => f.type === 'email')?.key ?? '', code: 'required' }] },
    );
  // The form names the email inbox that answers; its tickets are web-form tickets.
  const inbox = findChannel(db, form.channelId)!;
  const settings = emailSettingsSchema.safeParse(inbox.settings);
  const channelId = webFormChannelFor(db, inbox.id, inbox.defaultTeamId);
  const text = renderAnswers(definition, answers, input.locale ?? 'en');
  const subject = mappedAnswer(definition, answers, (f) => f.mapping?.kind === 'subject');

  const ingested = ingest(
    db,
    {
      channelId,
      // The mailbox is the only way back to this person, so the address keys the customer; it is still
      // a claim until mail arrives from it.
      from: { externalId: email.toLowerCase(), name: '', email: email.toLowerCase(), emailProven: false },
      channelMessageId: null,
      subject: typeof subject === 'string' && subject.trim() ? subject : form.name,
      text,
      html: null,
      attachments,
      // Replies go out by email to the address the visitor typed.
      email: { from: { address: email.toLowerCase() } },
      receivedAt: now,
      autoSubmitted: false,
      formId: form.id,
    },
    {
      resolveThread: () => ({ kind: 'new' }),
      onTicketCreated: (tx, ticket) => {
        // In the ticket's own transaction: a token used twice (a replayed or double submission) rolls the second ticket back.
        if (!consumeFormToken(tx, token.nonce, token.expiresAt)) throw new DomainError('CONFLICT', 'form_already_sent');
        applyFormAnswers(tx, { form, version: form.currentVersion, definition, answers, ticket, now });
        // The language they filled the form in is the one automatic messages (surveys) use with them.
        if (input.locale) setCustomerLocale(tx, ticket.customerId, input.locale);
        if (settings.success) queueAcknowledgement(tx, { ...inbox, settings: settings.data }, ticket, text, now);
      },
    },
  );
  return { ticketId: ingested.ticketId };
}

/** File answers come only from the upload itself: whatever a client claims for a file field is replaced. */
function withUploadedFiles(form: FormDefinition, answers: Answers, files: UploadedFile[]): Answers {
  const out: Answers = { ...answers };
  for (const f of form.fields.filter((x) => x.type === 'file')) {
    const names = files.filter((u) => u.field === f.key).map((u) => cleanFilename(u.filename));
    if (names.length) out[f.key] = names;
    else delete out[f.key];
  }
  return out;
}

/**
 * The answers as the ticket's first message, "Label: value" per line, option labels rather than values,
 * in the visitor's language (English where a label has no translation). The answers themselves are kept
 * with the field keys (form_submissions), so agents and reports read them in any language.
 */
export function renderAnswers(form: FormDefinition, answers: Answers, locale: Locale = 'en'): string {
  return form.fields
    .filter((f) => answers[f.key] !== undefined)
    .map((f) => {
      const v = answers[f.key];
      const text = (l: { en: string; de?: string }) => l[locale] ?? l.en;
      const label = (x: string) => {
        const option = f.options?.find((o) => o.value === x);
        return option ? text(option.label) : x;
      };
      const shown = Array.isArray(v) ? v.map(label).join(', ') : typeof v === 'boolean' ? (v ? '✓' : '–') : typeof v === 'string' ? label(v) : String(v);
      return f.type === 'long_text' ? `${text(f.label)}:\n${shown}` : `${text(f.label)}: ${shown}`;
    })
    .join('\n');
}
