import type { Db } from '@/db/client';
import { findChannel } from '@/db/queries/inbound';
import { findLatestTicketOnChannel } from '@/db/queries/chat';
import { findMessageByChannelMessageId } from '@/db/queries/inbound';
import { validateSubmission } from '@/lib/forms/validate-submission';
import type { SendMessage, WidgetMessage } from '@/lib/widget-events';
import type { TicketStatus } from '@/lib/domain';
import { DomainError } from '@/server/errors/domain-error';
import { getConfig } from '@/server/runtime-config';
import { ingest } from '@/server/channels/ingest';
import { commitGrouped } from '@/db/group-commit';
import { storeAttachments } from '@/server/content/attachment-store';
import { refuseReason } from '@/server/content/file-safety';
import { applyFormAnswers, mappedAnswer } from '@/server/forms/apply-form-answers';
import { chatSettingsSchema } from './chat-settings';
import { prechatOf, prefillFor, type Prechat } from './prechat';
import { withChatMessage } from '@/lib/forms/chat-message-field';
import type { Answers } from '@/lib/forms/form-definition';
import { chatMessageId, newWidgetMessage, widgetMessage } from './widget-messages';
import { isWatching } from './chat-watchers';
import { findVisitorConversation, placeholderName, visitorExternalId, type Visitor } from './widget-visitor';
import { routeChat } from './route-chat';
import { consumeWidgetConversation, consumeWidgetMessage } from './widget-limits';

export const MAX_CHAT_MESSAGE = 5000;

/** The stored message, and whether an agent had the chat open when it arrived (so it is read already). */
export type ReceivedChatMessage = { message: WidgetMessage; readByAgent: boolean };

/** A solved or closed chat is over; the visitor's next message starts a new conversation. */
export const chatEnded = (status: TicketStatus) => status === 'solved' || status === 'closed';

/**
 * A visitor's message: stored once per client id (a re-send after a lost ack returns the stored message),
 * joined to their open conversation or, with valid pre-chat answers, opening a new one that the form's
 * routing sorts. Resolves only after the commit, so the socket acks only what is safe.
 */
export async function receiveChatMessage(db: Db, visitor: Visitor, input: SendMessage, ip: string, now = Date.now()): Promise<ReceivedChatMessage> {
  const id = chatMessageId(visitor.channelId, visitor.visitorId, input.clientId);
  const existing = findMessageByChannelMessageId(db, id);
  if (existing) return { message: widgetMessage(db, existing.id)!, readByAgent: false };

  const text = input.text.trim();
  if (!text && !input.file) throw new DomainError('BAD_REQUEST', 'message_empty');
  if (text.length > MAX_CHAT_MESSAGE) throw new DomainError('BAD_REQUEST', 'message_too_long', { max: MAX_CHAT_MESSAGE });
  await consumeWidgetMessage(visitor.visitorId, ip);

  const channelId = visitor.channelId;
  const latest = findVisitorConversation(db, visitor);
  const startsConversation = !latest || chatEnded(latest.status);

  // Only a new conversation asks the pre-chat form (the common case, a reply in a running chat, skips it).
  let prechat: Prechat | null = null;
  let answers: Answers = {};
  if (startsConversation) {
    prechat = prechatOf(db, chatSettingsSchema.parse(findChannel(db, channelId)!.settings));
    const given = withChatMessage(prechat.definition.fields, input.prechat ?? {}, text);
    const checked = validateSubmission(prechat.definition, { ...given, ...prefillFor(prechat.definition, visitor.identified) });
    if (!checked.ok) throw new DomainError('BAD_REQUEST', 'answers_need_attention', {}, { fieldErrors: checked.errors });
    answers = checked.answers;
    await consumeWidgetConversation(ip);
  }

  const maxBytes = getConfig().ATTACHMENT_MAX_MB * 1024 * 1024;
  const file = input.file
    ? {
        filename: input.file.name,
        contentType: input.file.type || 'application/octet-stream',
        content: input.file.data instanceof Uint8Array ? Buffer.from(input.file.data) : Buffer.from(new Uint8Array(input.file.data)),
        contentId: null,
        inline: false,
      }
    : null;
  if (file) {
    const refused = await refuseReason(file, maxBytes);
    if (refused) throw new DomainError('BAD_REQUEST', refused.key, refused.params);
  }
  const attachments = file ? await storeAttachments(getConfig().DATA_DIR, [file], maxBytes) : [];

  const body = text || (file ? file.filename : '');
  const email = visitor.identified?.email ?? (prechat && mappedAnswer(prechat.definition, answers, (f) => f.type === 'email'));
  const name = visitor.identified?.name || (prechat && mappedAnswer(prechat.definition, answers, (f) => f.key === 'name'));
  // Shares its commit with other messages of the same moment (many visitors writing at once).
  const result = await commitGrouped(db, () =>
    ingest(
      db,
      {
        channelId,
        from: {
          externalId: visitorExternalId(visitor),
          name: typeof name === 'string' && name ? name : placeholderName(visitor.visitorId),
          email: typeof email === 'string' ? email.toLowerCase() : null,
          emailProven: !!visitor.identified,
        },
        channelMessageId: id,
        subject: null,
        text: body,
        html: null,
        receivedAt: now,
        autoSubmitted: false,
        attachments,
        formId: prechat?.form?.id ?? null,
      },
      {
        resolveThread: (tx, customer) => {
          const open = findLatestTicketOnChannel(tx, channelId, customer);
          if (open && !chatEnded(open.status)) return { kind: 'join', ticket: open };
          // The conversation ended between the check above and this transaction: the answers were not asked.
          if (!startsConversation) throw new DomainError('CONFLICT', 'conversation_ended');
          return { kind: 'new' };
        },
        onTicketCreated: (tx, ticket) => {
          if (prechat?.form) applyFormAnswers(tx, { form: prechat.form, version: prechat.version, definition: prechat.definition, answers, ticket, now });
          // After the form's routing rules, which may have chosen the team.
          routeChat(tx, ticket.id, now);
        },
        agentWatching: (ticketId) => isWatching('agent', ticketId),
      },
    ),
  );
  if (result.duplicate) return { message: widgetMessage(db, result.messageId)!, readByAgent: false };
  const message = newWidgetMessage(db, {
    ticketId: result.ticketId,
    messageId: result.messageId,
    authorKind: 'customer',
    authorName: null,
    internal: false,
    text: body,
    channelMessageId: id,
    createdAt: now,
    fileCount: attachments.length,
  })!;
  return { message, readByAgent: result.readByAgent };
}
