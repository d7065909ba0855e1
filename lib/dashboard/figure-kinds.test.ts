import { describe, expect, it } from 'vitest';
import { SURVEY_TYPES } from '../surveys/survey-policy';
import { TICKET_FIGURES, drillParam, parseDrill, type Drill } from './figure-kinds';

describe('drill-down parameters', () => {
  it('round-trip every figure, survey type and the SLA targets', () => {
    const all: Drill[] = [
      ...TICKET_FIGURES.map((figure) => ({ kind: 'tickets', figure }) as const),
      ...SURVEY_TYPES.map((type) => ({ kind: 'surveys', type }) as const),
      { kind: 'sla' },
    ];
    for (const d of all) expect(parseDrill(drillParam(d))).toEqual(d);
    expect(drillParam({ kind: 'tickets', figure: 'fcr' })).toBe('tickets.fcr');
    expect(drillParam({ kind: 'surveys', type: 'nps' })).toBe('surveys.nps');
  });

  it('refuses anything else', () => {
    for (const v of [null, '', 'tickets', 'tickets.', 'tickets.everything', 'surveys.fcr', 'sla.x', 'SLA', 'tickets.fcr.x', 'x.fcr'])
      expect(parseDrill(v)).toBeNull();
  });
});
