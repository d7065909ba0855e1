import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { getDb } from '@/db/client';
import { eq } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import { findChannel, listChannelsOfKind } from '@/db/queries/inbound';
import { findTicket, listEvents, listMessages, listTicketTags } from '@/db/queries/tickets';
import { findSubmissionOfTicket } from '@/db/queries/forms';
import { getConfig } from '@/server/runtime-config';
import { complaintForm } from '@/lib/forms/test-forms';
import { issueFormToken } from './form-token';
import { submitForm, type UploadedFile } from './submit-form';
import { listAttachmentsOfMessages } from '@/db/queries/attachments';
import type { Answers } from '@/lib/forms/form-definition';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: ReturnType<typeof httpClient>;
const visitor = () => httpClient(server.url);
const oldToken = () => issueFormToken(getConfig().sessionSecret, Date.now() - 10_000);

beforeAll(async () => {
  server = await startTestServer();
  admin = httpClient(server.url);
  await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
  const channelId = listChannelsOfKind(getDb(), 'email')[0]!.id;
  const saved = await admin.mutate('forms.save', { id: null, slug: 'reklamation', name: 'Reklamation', channelId, definition: complaintForm });
  expect(saved).toMatchObject({ ok: true, data: { version: 1 } });
});
afterAll(async () => {
  await server?.close();
});

const valid = { topic: 'reklamation', order_value: 800, resolution: 'refund', email: 'kundin@example.de', details: 'Gehäuse gebrochen' };
const submit = (patch: Record<string, unknown> = {}) =>
  visitor().mutate('forms.submit', { slug: 'reklamation', version: 1, answers: valid, token: oldToken(), ...patch });

describe('intake forms through the API', () => {
  it('only admins save forms, and a form with a rule cycle is refused naming the fields', async () => {
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    expect(await agent.mutate('forms.save', { id: null, slug: 'x', name: 'X', channelId: 1, definition: complaintForm })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const cyclic = {
      version: 1,
      fields: [
        { key: 'a', type: 'text', label: { en: 'A' }, rules: [{ when: { all: [{ field: 'b', op: 'is_empty' }] }, then: { type: 'hide' } }] },
        { key: 'b', type: 'text', label: { en: 'B' }, rules: [{ when: { all: [{ field: 'a', op: 'is_empty' }] }, then: { type: 'hide' } }] },
      ],
    };
    const res = await admin.mutate('forms.save', { id: null, slug: 'zyklus', name: 'Zyklus', channelId: 1, definition: cyclic });
    expect(res).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!res.ok && res.message).toMatch(/a → b → a/);
  });

  it('serves the public form without its internal routing rules', async () => {
    const res = await visitor().query<{ definition: Record<string, unknown>; token: string }>('forms.getPublic', { slug: 'reklamation' });
    expect(res.ok && res.data.definition.routing).toBeUndefined();
    expect(res.ok && res.data.token).toMatch(/^\d+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses what the page would never send, with field-level errors', async () => {
    expect(await submit({ answers: { ...valid, admin_note: 'x' } })).toMatchObject({
      ok: false,
      details: { fieldErrors: [{ field: 'admin_note', code: 'unknown_field' }] },
    });
    expect(await submit({ answers: { topic: 'lieferung', email: 'a@b.de', order_value: 5 } })).toMatchObject({
      ok: false,
      details: { fieldErrors: [{ field: 'order_value', code: 'hidden_field' }] },
    });
    expect(await submit({ answers: { ...valid, resolution: 'voucher' } })).toMatchObject({
      ok: false,
      details: { fieldErrors: [{ field: 'resolution', code: 'option' }] },
    });
    expect(await submit({ answers: { topic: 'reklamation', email: 'a@b.de' } })).toMatchObject({
      ok: false,
      details: { fieldErrors: [{ field: 'order_value', code: 'required' }] },
    });
    expect(await submit({ answers: { ...valid, order_value: 'viel' } })).toMatchObject({
      ok: false,
      details: { fieldErrors: [{ field: 'order_value', code: 'type' }] },
    });
    expect(await submit({ version: 7 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await submit({ website: 'http://spam.example' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await submit({ token: issueFormToken(getConfig().sessionSecret, Date.now()) })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await submit({ token: '123.forged' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('opens one ticket per fill token: a replayed or double submission is refused and opens nothing', async () => {
    const token = oldToken();
    const first = await submit({ token });
    expect(first.ok).toBe(true);
    const tickets = () => getDb().$client.prepare('select count(*) as n from tickets').get() as { n: number };
    const before = tickets().n;
    const replays = await Promise.all([submit({ token }), submit({ token }), submit({ token })]);
    expect(replays.map((r) => (r.ok ? 'OK' : r.code))).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(tickets().n).toBe(before);
    // A submission with a validation error does not use the token up: the corrected one goes through.
    const fresh = oldToken();
    expect(await submit({ token: fresh, answers: { ...valid, resolution: 'voucher' } })).toMatchObject({ ok: false });
    expect(await submit({ token: fresh })).toMatchObject({ ok: true });
  });

  it('opens a routed ticket with the answers, records why, and acknowledges', async () => {
    const res = await submit();
    expect(res.ok).toBe(true);
    const ticketId = (res as { ok: true; data: { ticketId: number } }).data.ticketId;
    const ticket = findTicket(getDb(), ticketId)!;
    expect(ticket).toMatchObject({ teamId: 3, priority: 'high', subject: 'Reklamation' });
    // A web-form ticket (the "Web form" filter finds it), answered through the form's email inbox.
    const channel = findChannel(getDb(), ticket.channelId)!;
    expect(channel.kind).toBe('web_form');
    expect(listEvents(getDb(), ticketId).find((e) => e.type === 'created')?.data).toMatchObject({ channel: 'web_form', channelId: channel.id });
    expect(listTicketTags(getDb(), ticketId).map((t) => t.name)).toEqual(['reklamation']);
    const events = listEvents(getDb(), ticketId);
    expect(events.find((e) => e.type === 'routed')?.data).toMatchObject({ rules: [{ id: 'big-complaint', name: 'Large complaints' }] });
    expect(events.find((e) => e.type === 'form_submitted')?.data).toMatchObject({ version: 1 });
    const [first, ack] = listMessages(getDb(), ticketId);
    expect(first!.bodyText).toContain('Topic: Complaint');
    expect(first!.bodyText).toContain('Order value (€): 800');
    expect(ack!.authorKind).toBe('system');
    const inboxId = listChannelsOfKind(getDb(), 'email')[0]!.id;
    expect(getDb().select().from(outbox).where(eq(outbox.messageId, ack!.id)).get()).toMatchObject({
      channelId: inboxId,
      payload: { to: [{ address: 'kundin@example.de' }] },
    });
    expect(findSubmissionOfTicket(getDb(), ticketId)).toMatchObject({ version: 1, answers: { ...valid, channel_hint: 'complaints' } });
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    const detail = await agent.query<{ form: { form: string; answers: { key: string; value: string }[] } }>('tickets.get', { id: ticketId });
    expect(detail.ok && detail.data.form.answers.find((a) => a.key === 'topic')?.value).toBe('Complaint');
  });

  it('lets agents correct the answers under the same rules, recording what changed', async () => {
    const res = await submit();
    const ticketId = (res as { ok: true; data: { ticketId: number } }).data.ticketId;
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    const update = (answers: Record<string, unknown>) => agent.mutate('tickets.updateFormAnswers', { id: ticketId, answers });
    expect(await update({ ...valid, resolution: 'voucher' })).toMatchObject({ ok: false, details: { fieldErrors: [{ field: 'resolution', code: 'option' }] } });
    expect(await update({ ...valid, topic: 'lieferung' })).toMatchObject({
      ok: false,
      details: {
        fieldErrors: [
          { field: 'order_value', code: 'hidden_field' },
          { field: 'resolution', code: 'hidden_field' },
        ],
      },
    });
    expect(await update({ ...valid, resolution: 'replacement' })).toMatchObject({ ok: true, data: { changed: true } });
    expect(findSubmissionOfTicket(getDb(), ticketId)!.answers.resolution).toBe('replacement');
    expect(listEvents(getDb(), ticketId).find((e) => e.type === 'form_answers_changed')?.data).toEqual({
      changes: [{ field: 'resolution', label: 'What would you like?', from: 'refund', to: 'replacement' }],
    });
    expect(await update({ ...valid, resolution: 'replacement' })).toMatchObject({ ok: true, data: { changed: false } });
    expect(await visitor().mutate('tickets.updateFormAnswers', { id: ticketId, answers: valid })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('keeps old answers on their version when the form is edited', async () => {
    const res = await submit({ answers: { topic: 'lieferung', email: 'b@example.de' } });
    const ticketId = (res as { ok: true; data: { ticketId: number } }).data.ticketId;
    const channelId = listChannelsOfKind(getDb(), 'email')[0]!.id;
    const list = await admin.query<{ id: number }[]>('forms.list');
    const formId = list.ok ? list.data[0]!.id : 0;
    expect(
      await admin.mutate('forms.save', {
        id: formId,
        slug: 'reklamation',
        name: 'Reklamation',
        channelId,
        definition: { ...complaintForm, fields: complaintForm.fields.slice(0, 5) },
      }),
    ).toMatchObject({ ok: true, data: { version: 2 } });
    expect(findSubmissionOfTicket(getDb(), ticketId)).toMatchObject({ version: 1 });
    expect(await submit()).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('lets the builder load, duplicate and save forms without overwriting a version saved meanwhile', async () => {
    const list = await admin.query<{ id: number; slug: string }[]>('forms.list');
    const form = list.ok ? list.data.find((f) => f.slug === 'reklamation')! : null;
    const loaded = await admin.query<{ currentVersion: number; definition: { routing: unknown[] } }>('forms.get', { id: form!.id });
    expect(loaded.ok && loaded.data.definition.routing).toHaveLength(4);
    const current = loaded.ok ? loaded.data.currentVersion : 0;

    const copy = await admin.mutate<{ id: number; slug: string }>('forms.duplicate', { id: form!.id });
    expect(copy).toMatchObject({ ok: true, data: { slug: 'reklamation-copy' } });
    expect(await admin.mutate('forms.duplicate', { id: form!.id })).toMatchObject({ ok: true, data: { slug: 'reklamation-copy-2' } });
    const copied = await admin.query<{ name: string; currentVersion: number; definition: { fields: unknown[] } }>('forms.get', {
      id: copy.ok ? copy.data.id : 0,
    });
    expect(copied).toMatchObject({ ok: true, data: { name: 'Reklamation (copy)', currentVersion: 1 } });

    const channelId = listChannelsOfKind(getDb(), 'email')[0]!.id;
    const save = (baseVersion: number) =>
      admin.mutate('forms.save', { id: form!.id, slug: 'reklamation', name: 'Reklamation', channelId, definition: complaintForm, baseVersion });
    expect(await save(current)).toMatchObject({ ok: true, data: { version: current + 1 } });
    expect(await save(current)).toMatchObject({ ok: false, code: 'CONFLICT' });

    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    expect(await agent.query('forms.get', { id: form!.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await agent.mutate('forms.duplicate', { id: form!.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('keeps uploaded files as attachments of the first message and refuses what may not be kept, per field', async () => {
    const channelId = listChannelsOfKind(getDb(), 'email')[0]!.id;
    const definition = {
      version: 1,
      fields: [
        { key: 'email', type: 'email', label: { en: 'Email' }, required: true },
        { key: 'photos', type: 'file', label: { en: 'Photos' }, required: true, max: 2 },
      ],
    };
    expect(await admin.mutate('forms.save', { id: null, slug: 'fotos', name: 'Fotos', channelId, definition })).toMatchObject({ ok: true });
    const png = (name: string, bytes = 64) => ({ field: 'photos', filename: name, contentType: 'image/png', content: Buffer.alloc(bytes, 7) });
    const send = (files: UploadedFile[], answers: Record<string, unknown> = {}) =>
      submitForm(
        getDb(),
        { slug: 'fotos', version: 1, answers: { email: 'foto@example.de', ...answers } as Answers, token: oldToken(), honeypot: '', files },
        getConfig().sessionSecret,
      );

    const { ticketId } = await send([png('kratzer.png'), png('../../etc/passwd.png', 10)]);
    const first = listMessages(getDb(), ticketId)[0]!;
    const files = listAttachmentsOfMessages(getDb(), [first.id]);
    expect(files.map((f) => [f.filename, f.size, f.blockedReason])).toEqual([
      ['kratzer.png', 64, null],
      ['.._.._etc_passwd.png', 10, null],
    ]);
    expect(findSubmissionOfTicket(getDb(), ticketId)!.answers.photos).toEqual(['kratzer.png', '.._.._etc_passwd.png']);

    const refused = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { details?: unknown }) => e.details,
      );
    expect(await refused(send([png('virus.exe')]))).toEqual({ fieldErrors: [{ field: 'photos', code: 'file_type' }] });
    expect(await refused(send([png('gross.png', 21 * 1024 * 1024)]))).toEqual({ fieldErrors: [{ field: 'photos', code: 'file_size', limit: 20 }] });
    expect(await refused(send([png('a.png'), png('b.png'), png('c.png')]))).toEqual({ fieldErrors: [{ field: 'photos', code: 'max', limit: 2 }] });
    // A file answer without an upload (as a JSON client could claim) counts as no file.
    expect(await refused(send([], { photos: ['invented.png'] }))).toEqual({ fieldErrors: [{ field: 'photos', code: 'required' }] });
  });
});
