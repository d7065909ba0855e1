import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderValues, unknownPlaceholders } from './placeholders';

// Built inside each test (not at load time), so mutation testing sees which test covers it.
const valuesOf = () =>
  placeholderValues({ customerName: ' Jürgen  Müller ', ticketNumber: 4711, ticketSubject: 'Rechnung fehlt', agentName: ' Jana\tBerger ' });

describe('placeholders', () => {
  it('fills every placeholder, with or without spaces in the braces, and first names from full names', () => {
    expect(
      fillPlaceholders(
        'Hallo {{customer.first_name}} ({{ customer.name }}), zu #{{ticket.number}} „{{ticket.subject}}“: {{agent.first_name}} / {{agent.name}}',
        valuesOf(),
      ),
    ).toBe('Hallo Jürgen (Jürgen  Müller), zu #4711 „Rechnung fehlt“: Jana / Jana\tBerger');
  });

  it('leaves an unknown placeholder as written and names it, once', () => {
    expect(fillPlaceholders('Hi {{customer.firstname}} {{ customer.name}}', valuesOf())).toBe('Hi {{customer.firstname}} Jürgen  Müller');
    expect(unknownPlaceholders('{{customer.firstname}} {{ customer.firstname }} {{ticket.number}} {{agent}} {single}')).toEqual([
      'customer.firstname',
      'agent',
    ]);
    expect(unknownPlaceholders('Nothing to fill: {x} {{ }}')).toEqual([]);
  });

  it('an empty name gives empty first names rather than undefined', () => {
    const empty = placeholderValues({ customerName: '', ticketNumber: 1, ticketSubject: '', agentName: '' });
    expect(empty['customer.first_name']).toBe('');
    expect(fillPlaceholders('Hallo {{customer.first_name}}!', empty)).toBe('Hallo !');
  });
});
