import type { Locale } from '@/lib/domain';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { pointsOf } from '@/lib/surveys/survey-scoring';
import type { SurveyQuestion } from '@/lib/surveys/survey-policy';
import type { OutboundBody } from '@/server/channels/channel-adapter';
import { getConfig } from '@/server/runtime-config';
import { escapeHtml } from '@/server/content/escape-html';

export type SurveyContext = { requestId: number; token: string; question: SurveyQuestion; locale: Locale; ticket: { number: number; subject: string } };

/** The page that takes the answer (a link preselects a score; only the page's Send records it) and the one that stops surveys. */
export const surveyUrl = (token: string, score?: number) => `${getConfig().publicUrl}/s/${token}${score === undefined ? '' : `?score=${score}`}`;
export const stopUrl = (token: string) => `${getConfig().publicUrl}/s/${token}/stop`;
/** RFC 8058 one-click unsubscribe, POSTed by the mail client (never a GET, so link scanners cannot trigger it). */
export const oneClickUrl = (token: string) => `${getConfig().publicUrl}/s/${token}/one-click`;

/** Choice ids a platform sends back when the customer taps a button: `survey:<request>:<score>` or `survey:<request>:stop`. */
export const choiceId = (requestId: number, choice: number | 'stop') => `survey:${requestId}:${choice}`;

export function parseChoiceId(id: string): { requestId: number; choice: number | 'stop' } | null {
  const m = /^survey:([1-9]\d{0,15}):(stop|\d{1,2})$/.exec(id);
  if (!m) return null;
  return { requestId: Number(m[1]), choice: m[2] === 'stop' ? 'stop' : Number(m[2]) };
}

const labelOf = (q: SurveyQuestion, score: number, locale: Locale) => q.labels.find((l) => l.score === score)?.[locale];

function lead(c: SurveyContext) {
  const m = catalogs[c.locale].surveyMessage;
  const q = c.question;
  const min = labelOf(q, q.scale.min, c.locale);
  const max = labelOf(q, q.scale.max, c.locale);
  const ends = min && max ? fill(m.scaleEnds, { min: q.scale.min, minLabel: min, max: q.scale.max, maxLabel: max }) : null;
  return { intro: fill(m.intro, c.ticket), question: q.question[c.locale], ends };
}

/** The email (and the chat's email fallback): every point as a link to the page, plus the way to stop. */
export function surveyEmail(c: SurveyContext): OutboundBody {
  const m = catalogs[c.locale].surveyMessage;
  const { intro, question } = lead(c);
  const points = pointsOf(c.question.scale)
    .reverse()
    .map((score) => ({ score, label: labelOf(c.question, score, c.locale), url: surveyUrl(c.token, score) }));
  const pointText = (p: (typeof points)[number]) => (p.label ? `${p.score} – ${p.label}` : String(p.score));
  const text = [intro, question, m.choose, points.map((p) => `${pointText(p)}: ${p.url}`).join('\n'), fill(m.stop, { url: stopUrl(c.token) })].join('\n\n');
  const html = [
    '<!doctype html><html lang="',
    c.locale,
    '"><body style="font-family:sans-serif;font-size:15px;line-height:1.5;color:#1f2937">',
    `<p>${escapeHtml(intro)}</p><p><strong>${escapeHtml(question)}</strong></p><p>${escapeHtml(m.choose)}</p><ul style="list-style:none;padding:0">`,
    ...points.map((p) => `<li style="margin:6px 0"><a href="${escapeHtml(p.url)}" style="color:#1d4ed8">${escapeHtml(pointText(p))}</a></li>`),
    `</ul><p style="font-size:13px;color:#4b5563"><a href="${escapeHtml(stopUrl(c.token))}" style="color:#4b5563">${escapeHtml(m.stopLink)}</a></p>`,
    '</body></html>',
  ].join('');
  return { text, html, subject: fill(m.subject, c.ticket), autoSubmitted: 'auto-generated', unsubscribeUrl: oneClickUrl(c.token) };
}

/** On a messenger: the platform's buttons, one per point and one to stop; the page's link for a platform that cannot show them all. */
export function surveyChat(c: SurveyContext): OutboundBody {
  const m = catalogs[c.locale].surveyMessage;
  const { intro, question, ends } = lead(c);
  const options = pointsOf(c.question.scale).map((score) => ({
    id: choiceId(c.requestId, score),
    title: shortTitle(c.question.type === 'csat' ? labelOf(c.question, score, c.locale) : undefined, score),
  }));
  return {
    text: [intro, question, ends].filter(Boolean).join('\n\n'),
    autoSubmitted: 'auto-generated',
    choices: {
      label: m.chooseButton,
      options: [...options, { id: choiceId(c.requestId, 'stop'), title: m.stopButton }],
      fallback: [fill(m.answerHere, { url: surveyUrl(c.token) }), fill(m.stop, { url: stopUrl(c.token) })].join('\n\n'),
    },
  };
}

// Platforms cut button titles at 20 characters (Messenger) or 24 (WhatsApp list rows): a label that long shows its number.
const shortTitle = (label: string | undefined, score: number) => (label && label.length <= 20 ? label : String(score));

/**
 * A survey message as agents read it on the thread: its opening and question, without the links. The
 * links carry the customer's token; an agent clicking one could answer in the customer's name.
 */
export const agentViewOfSurvey = (text: string) => text.split('\n\n').slice(0, 2).join('\n\n');
