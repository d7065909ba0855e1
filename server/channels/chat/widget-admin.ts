import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { insertChannel, updateChannel, updateChannelSettings } from '@/db/queries/channels';
import { findForm, findFormVersion } from '@/db/queries/forms';
import { findCalendar } from '@/db/queries/calendars';
import { DomainError } from '@/server/errors/domain-error';
import { getConfig } from '@/server/runtime-config';
import { getBus } from '@/server/realtime/bus';
import { chatSettingsSchema, newChatSecrets, type ChatSettings } from './chat-settings';
import type { ChatWidgetInput } from '@/lib/channel-settings/chat';

/** Chat widgets as the settings page shows them: no identity secret, the snippet to embed. */
export function listChatWidgets(db: Db) {
  return listChannelsOfKind(db, 'chat').flatMap((c) => {
    const parsed = chatSettingsSchema.safeParse(c.settings);
    if (!parsed.success) return [];
    const { identitySecret: _secret, ...settings } = parsed.data;
    const snippet = `<script src="${getConfig().publicUrl}/widget.js" data-channel="${settings.publicToken}" async></script>`;
    return [{ id: c.id, name: c.name, defaultTeamId: c.defaultTeamId, ...settings, snippet }];
  });
}

export function createChatWidget(db: Db, input: ChatWidgetInput) {
  checkReferences(db, input);
  const { name, defaultTeamId, ...settings } = input;
  return insertChannel(db, { kind: 'chat', name, defaultTeamId, settings: { ...settings, ...newChatSecrets() } satisfies ChatSettings });
}

export function updateChatWidget(db: Db, id: number, input: ChatWidgetInput) {
  const current = settingsOf(db, id);
  checkReferences(db, input);
  const { name, defaultTeamId, ...settings } = input;
  updateChannel(db, id, { name, defaultTeamId, settings: { ...current, ...settings } });
  // Another calendar or team: the widget's visitors see its availability now.
  getBus().emit('chat.availability');
}

/** The identity secret, for the site's developers; only on an admin's explicit request. */
export function revealIdentitySecret(db: Db, id: number) {
  return { identitySecret: settingsOf(db, id).identitySecret };
}

/** A new identity secret (the old one stops working at once, e.g. after a leak). */
export function rotateIdentitySecret(db: Db, id: number) {
  const identitySecret = crypto.randomBytes(32).toString('hex');
  updateChannelSettings(db, id, { ...settingsOf(db, id), identitySecret });
  return { identitySecret };
}

function settingsOf(db: Db, id: number): ChatSettings {
  const channel = findChannel(db, id);
  if (channel?.kind !== 'chat') throw new DomainError('NOT_FOUND', 'chat_widget_not_found', { id });
  return chatSettingsSchema.parse(channel.settings);
}

function checkReferences(db: Db, input: ChatWidgetInput) {
  checkForm(db, input.formId);
  checkEmailInbox(db, input.emailChannelId);
  if (input.calendarId !== null && !findCalendar(db, input.calendarId)) throw new DomainError('BAD_REQUEST', 'calendar_not_found', { id: input.calendarId });
}

/** A pre-chat form must exist and ask nothing the widget cannot: files travel as chat messages instead. */
function checkForm(db: Db, formId: number | null) {
  if (formId === null) return;
  const form = findForm(db, formId);
  if (!form) throw new DomainError('BAD_REQUEST', 'form_not_found', { id: formId });
  if (findFormVersion(db, form.id, form.currentVersion)!.definition.fields.some((f) => f.type === 'file')) {
    throw new DomainError('BAD_REQUEST', 'prechat_form_has_file_field', { name: form.name });
  }
}

function checkEmailInbox(db: Db, id: number | null) {
  if (id !== null && findChannel(db, id)?.kind !== 'email') throw new DomainError('BAD_REQUEST', 'inbox_not_found', { id: String(id) });
}
