import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatsappEventsOf } from './whatsapp-events';

const NUMBER = '106540352242922';
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8').replaceAll('PHONE_NUMBER_ID', NUMBER));

function parse(body: unknown) {
  const log: string[] = [];
  return { events: whatsappEventsOf(body, NUMBER, (l) => log.push(l)), log };
}

describe('a WhatsApp delivery as stored events', () => {
  it('makes one event per message, keyed by the sender for ordering and by the wamid against retries, with the profile name', () => {
    const { events, log } = parse(fixture('interactive-location-reaction'));
    expect(events.map((e) => [e.conversation, e.dedupeKey])).toEqual([
      ['4917612345678', 'm:wamid.BUTTON0001'],
      ['4917612345678', 'm:wamid.LOCATION0001'],
      ['4917612345678', 'm:wamid.REACTION0001'],
    ]);
    expect(events[0]!.payload).toMatchObject({ kind: 'message', name: 'Jürgen Müller', message: { type: 'interactive' } });
    expect(log).toEqual([]);
  });

  it('keys a status by the recipient, the wamid and the status, so sent, delivered and read are three events', () => {
    const status = (s: string) => JSON.parse(JSON.stringify(fixture('status')).replace('"WAMID"', '"wamid.X"').replace('"STATUS"', `"${s}"`));
    expect(['sent', 'delivered', 'read'].map((s) => parse(status(s)).events[0])).toEqual(
      ['sent', 'delivered', 'read'].map((s) => ({
        conversation: '4917612345678',
        dedupeKey: `s:wamid.X:${s}`,
        payload: { kind: 'status', status: expect.objectContaining({ status: s }) },
      })),
    );
  });

  it('leaves out, and logs, what is not for this number, not about messages, or not readable; a name is optional', () => {
    const other = fixture('text-message');
    other.entry[0].changes[0].value.metadata.phone_number_id = '999';
    expect(parse(other)).toEqual({ events: [], log: [expect.stringContaining("for number 999, not this channel's")] });

    const field = fixture('text-message');
    field.entry[0].changes[0].field = 'account_update';
    expect(parse(field)).toEqual({ events: [], log: ['WhatsApp webhook: field "account_update" ignored'] });

    expect(parse({ object: 'page', entry: [] })).toEqual({ events: [], log: ['WhatsApp webhook: not a whatsapp_business_account delivery, ignored'] });
    expect(parse('nonsense').events).toEqual([]);

    const broken = fixture('text-message');
    delete broken.entry[0].changes[0].value.messages[0].from;
    broken.entry[0].changes[0].value.statuses = [{ id: 'wamid.Y' }];
    const { events, log } = parse(broken);
    expect(events).toEqual([]);
    expect(log).toEqual([
      expect.stringMatching(/^WhatsApp webhook: unreadable message ignored/),
      expect.stringMatching(/^WhatsApp webhook: unreadable status ignored/),
    ]);

    const anonymous = fixture('text-message');
    delete anonymous.entry[0].changes[0].value.contacts;
    expect(parse(anonymous).events[0]!.payload).toMatchObject({ kind: 'message', name: null });
  });
});
