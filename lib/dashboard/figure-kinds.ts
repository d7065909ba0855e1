import { SURVEY_TYPES, type SurveyType } from '../surveys/survey-policy';

/**
 * The figures the dashboard lists the tickets of, and what a figure's "n" opens: its tickets, its survey
 * answers or its SLA targets. Universal: the page links with them, the server counts with them.
 */
export const TICKET_FIGURES = [
  'created',
  'solved',
  'backlog',
  'reopened',
  'contacted',
  'fcr',
  'second_contact',
  'third_contact',
  'one_touch',
  'first_response',
  'resolution',
] as const;
export type TicketFigure = (typeof TICKET_FIGURES)[number];

export type Drill = { kind: 'tickets'; figure: TicketFigure } | { kind: 'surveys'; type: SurveyType } | { kind: 'sla' };

/** A drill-down as one URL parameter: `tickets.contacted`, `surveys.csat`, `sla`. */
export const drillParam = (d: Drill) => (d.kind === 'tickets' ? `tickets.${d.figure}` : d.kind === 'surveys' ? `surveys.${d.type}` : 'sla');

export function parseDrill(v: string | null): Drill | null {
  if (v === 'sla') return { kind: 'sla' };
  const [, kind, what] = (v ?? '').match(/^(tickets|surveys)\.([a-z_]+)$/) ?? [];
  if (kind === 'tickets' && (TICKET_FIGURES as readonly string[]).includes(what!)) return { kind, figure: what as TicketFigure };
  if (kind === 'surveys' && (SURVEY_TYPES as readonly string[]).includes(what!)) return { kind, type: what as SurveyType };
  return null;
}

/** What a breakdown splits the tickets by; contact reasons are the tag and form-answer breakdowns. */
export const DIMENSIONS = ['channel', 'team', 'agent', 'priority', 'tag', 'form_answer'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
