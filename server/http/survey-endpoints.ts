import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findSurveyRequest } from '@/db/queries/surveys';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { DomainError } from '@/server/errors/domain-error';
import { consumeSurveyAnswer } from '@/server/forms/submission-limit';
import { getConfig } from '@/server/runtime-config';
import { optOutOfSurveys } from '@/server/surveys/opt-out';
import { recordSurveyAnswer } from '@/server/surveys/record-answer';
import { checkSurveyToken } from '@/server/surveys/survey-token';
import { readBody } from './read-body';

const PATH = /^\/s\/([\w.-]{1,200})\/(one-click|answer)$/;
const STATUS: Record<DomainError['code'], number> = { BAD_REQUEST: 400, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429, FORBIDDEN: 403 };
const answerSchema = z.object({
  score: z.number().int(),
  reason: z.string().max(40).nullish(),
  comment: z.string().max(60_000).nullish(),
  submissionKey: z.string().regex(/^[\w-]{8,64}$/),
});

export const isSurveyEndpoint = (req: IncomingMessage) => req.method === 'POST' && PATH.test(req.url?.split('?')[0] ?? '');

/**
 * The survey's two POST endpoints beside its pages: RFC 8058 one-click unsubscribe (mail clients POST
 * `List-Unsubscribe=One-Click`; a GET never acts, so link scanners cannot) and the JSON answer API (the
 * page's form posts through its server action instead). Refusals are 4xx with the message key and the
 * text in the survey's language.
 */
export async function handleSurveyEndpoint(req: IncomingMessage, res: ServerResponse) {
  const [, token, action] = PATH.exec(req.url!.split('?')[0]!)!;
  const json = (status: number, body: unknown) =>
    void res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  const now = Date.now();
  const checked = checkSurveyToken(getConfig().sessionSecret, token!, now, { expiredOk: action === 'one-click' });
  const db = getDb();
  const locale = (checked.ok ? findSurveyRequest(db, checked.requestId)?.locale : undefined) ?? 'en';
  const refuse = (status: number, key: string, params: Record<string, string | number> = {}) =>
    json(status, { error: { key, message: fill((catalogs[locale].serverErrors as Record<string, string>)[key] ?? key, params) } });
  if (!checked.ok) return refuse(checked.reason === 'expired' ? 410 : 400, checked.reason === 'expired' ? 'survey_closed' : 'survey_link_invalid');
  const body = await readBody(req, action === 'one-click' ? 1024 : 128 * 1024);
  if (!body) return refuse(413, 'survey_comment_too_long', { max: 2000 });
  try {
    if (action === 'one-click') {
      if (!new URLSearchParams(body.toString('utf8')).has('List-Unsubscribe')) return refuse(400, 'survey_link_invalid');
      optOutOfSurveys(db, checked.requestId, now);
      return json(200, { stopped: true });
    }
    let parsed;
    try {
      parsed = answerSchema.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      parsed = { success: false as const };
    }
    if (!parsed.success) return refuse(400, 'survey_score_off_scale');
    await consumeSurveyAnswer(req.socket.remoteAddress ?? 'unknown');
    const { submissionKey, ...answer } = parsed.data;
    const result = recordSurveyAnswer(db, { requestId: checked.requestId, ...answer, source: 'page', submissionKey: `api:${submissionKey}` }, now);
    return json(result.duplicate ? 200 : 201, { score: result.answer.score, changed: result.changed, duplicate: result.duplicate });
  } catch (err) {
    if (err instanceof DomainError) return refuse(STATUS[err.code] ?? 400, err.key, err.params as Record<string, string | number>);
    throw err;
  }
}
