import type { Scale, SurveyType } from './survey-policy';

/**
 * How one answer reads, by the definitions in DESIGN.md §5, on the scale it was given on (stored with the
 * answer, so a later change of scale never reinterprets it).
 * - CSAT: satisfied is the top two points of 1–5 (4, 5), unhappy the bottom two (1, 2); another CSAT
 *   scale keeps the same proportions (the top and bottom quarter of its range).
 * - NPS (0–10): promoter 9–10, passive 7–8, detractor 0–6; a detractor is unhappy.
 * - CES (1–7): unhappy at 1–2 ("difficult").
 */
export type AnswerReading = 'happy' | 'neutral' | 'unhappy';

const position = (score: number, scale: Scale) => (score - scale.min) / (scale.max - scale.min);

/** The thresholds, named once: the dashboard's SQL counts with the same numbers (db/queries/metrics.ts). */
export const READINGS = {
  csat: { happyFrom: 0.75, unhappyUpTo: 0.25 },
  nps: { promoterFrom: 9, detractorUpTo: 6 },
  ces: { happyFrom: 5 / 6, unhappyUpTo: 1 / 6 },
} as const;

export function readAnswer(type: SurveyType, score: number, scale: Scale): AnswerReading {
  if (type === 'nps') return score >= READINGS.nps.promoterFrom ? 'happy' : score <= READINGS.nps.detractorUpTo ? 'unhappy' : 'neutral';
  const r = position(score, scale);
  const t = READINGS[type];
  return r >= t.happyFrom ? 'happy' : r <= t.unhappyUpTo ? 'unhappy' : 'neutral';
}

export const onScale = (score: number, scale: Scale) => Number.isInteger(score) && score >= scale.min && score <= scale.max;

/** A comment the policy flags: one of its words appears as a word (case-insensitive, umlauts kept). */
export function flaggedComment(comment: string | null, words: readonly string[]): boolean {
  if (!comment || words.length === 0) return false;
  const tokens = new Set(comment.toLocaleLowerCase('de').split(/[^\p{L}\p{N}]+/u));
  return words.some((w) => (w.includes(' ') ? comment.toLocaleLowerCase('de').includes(w) : tokens.has(w)));
}

/** Every point of a scale, lowest first (the buttons and links). */
export const pointsOf = (scale: Scale) => Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
