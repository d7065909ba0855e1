'use client';

import { useMemo, useState } from 'react';
import { useMessages, useTranslations } from 'use-intl';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { TextField } from '@/app/_components/text-field';
import { SelectField } from '@/app/_components/select-field';
import { LOCALES, type Locale } from '@/lib/domain';
import { fill } from '@/lib/i18n/fill';
import { formatDuration, parseDuration } from '@/lib/duration-input';
import { pointsOf } from '@/lib/surveys/survey-scoring';
import {
  DEFAULT_SCALES,
  SURVEY_TYPES,
  UNHAPPY_ACTIONS,
  defaultSurveyPolicy,
  validateSurveyPolicy,
  type SurveyPolicyInput,
  type SurveyProblem,
  type SurveyQuestion,
  type SurveyType,
} from '@/lib/surveys/survey-policy';
import { TicketConditionsFieldset } from '../ticket-conditions-fieldset';
import { PolicyForm, PolicyFormFooter } from '../policy-form';

export type SurveyPolicy = inferRouterOutputs<AppRouter>['surveyPolicies']['list'][number];

const box = 'min-w-0 space-y-2 rounded-md border border-slate-200 p-3';
const legend = 'px-1 text-sm font-medium text-slate-700';
const words = (text: string) =>
  text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

type Props = { policy: SurveyPolicy | null; saved: boolean; onSaving: () => void; onSaved: (id: number) => void; onDeleted: () => void };

/**
 * One survey policy: the question (CSAT's scale and words may change, NPS and CES keep their standard
 * scales), which solved tickets it covers, when it is sent, and what an unhappy answer sets in motion.
 * Checked as the admin types with the rules the server applies (lib/surveys/survey-policy.ts).
 */
export function SurveyPolicyEditor({ policy, saved, onSaving, onSaved, onDeleted }: Props) {
  const t = useTranslations('surveyAdmin');
  const tt = useTranslations();
  const messages = useMessages();
  const problemTexts = { ...messages.slaProblems, ...messages.surveyProblems } as Record<string, string>;
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start: SurveyPolicyInput = policy ?? defaultSurveyPolicy('csat', '');
  const [p, setP] = useState<SurveyPolicyInput>(() => ({ ...start, name: policy?.name ?? '' }));
  const [tags, setTags] = useState(start.conditions.tags.join(', '));
  const [flagWords, setFlagWords] = useState(start.unhappy.flagWords.join(', '));
  const [delay, setDelay] = useState(formatDuration(start.delayMinutes));
  const [tried, setTried] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.surveyPolicies.list.queryKey() });
  const save = useMutation(trpc.surveyPolicies.save.mutationOptions({ onSuccess: (r) => (refresh(), onSaved(r.id)) }));
  const remove = useMutation(trpc.surveyPolicies.delete.mutationOptions({ onSuccess: () => (refresh(), onDeleted()) }));
  const q = p.question;
  const setQ = (patch: Partial<SurveyQuestion>) => setP({ ...p, question: { ...q, ...patch } });

  const draft = useMemo(() => {
    const minutes = parseDuration(delay);
    const input = {
      ...p,
      delayMinutes: minutes ?? 0,
      conditions: { ...p.conditions, tags: words(tags) },
      unhappy: { ...p.unhappy, flagWords: words(flagWords) },
    };
    const checked = validateSurveyPolicy(input);
    const problems: SurveyProblem[] = [
      ...(minutes === null ? [{ path: 'delayMinutes', code: 'not_a_duration', params: { text: delay } }] : []),
      ...(checked.ok ? [] : checked.problems),
    ];
    return { input, problems };
  }, [p, delay, tags, flagWords]);
  const serverProblems = ((save.error?.data as { details?: { problems?: SurveyProblem[] } } | undefined)?.details?.problems ?? []) as SurveyProblem[];
  const problems = tried ? [...draft.problems, ...serverProblems] : serverProblems;
  const text = (pr: SurveyProblem) => `${fill(problemTexts[pr.code] ?? pr.code, pr.params)}${pr.code === 'schema' ? ` (${pr.path})` : ''}`;
  const problemAt = (path: string) =>
    problems
      .filter((x) => x.path === path)
      .map(text)
      .join(' ') || undefined;
  const language = (l: Locale) => t(`languages.${l}`);

  /** A new type starts from its standard question, scale and words; the rest of the policy stays. */
  const changeType = (type: SurveyType) => setP({ ...p, question: defaultSurveyPolicy(type, p.name).question });
  const setLabel = (score: number, l: Locale, value: string) => {
    const others = q.labels.filter((x) => x.score !== score);
    const current = q.labels.find((x) => x.score === score) ?? { score, en: '', de: '' };
    const next = { ...current, [l]: value };
    setQ({ labels: [...others, ...(next.en || next.de ? [next] : [])].sort((a, b) => a.score - b.score) });
  };

  return (
    <PolicyForm
      label={policy ? policy.name : t('new')}
      problems={draft.problems.length}
      onTried={() => setTried(true)}
      onSave={() => (onSaving(), save.mutate({ id: policy?.id ?? null, policy: draft.input }))}
    >
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,12rem)_auto] sm:items-end">
        <TextField label={t('name')} required maxLength={100} value={p.name} onChange={(e) => setP({ ...p, name: e.target.value })} />
        <SelectField label={t('type')} value={q.type} onChange={(e) => changeType(e.target.value as SurveyType)}>
          {SURVEY_TYPES.map((type) => (
            <option key={type} value={type}>
              {tt(`surveys.typeLong.${type}`)}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={p.enabled} onChange={(e) => setP({ ...p, enabled: e.target.checked })} />
          {t('enabled')}
        </label>
      </div>

      <fieldset className={box}>
        <legend className={legend}>{t('question')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {LOCALES.map((l) => (
            <TextField
              key={l}
              label={t('questionIn', { language: language(l) })}
              maxLength={300}
              value={q.question[l]}
              onChange={(e) => setQ({ question: { ...q.question, [l]: e.target.value } })}
            />
          ))}
        </div>
        {q.type === 'csat' ? (
          <div className="w-40">
            <SelectField label={t('scaleMax')} value={q.scale.max} onChange={(e) => setQ({ scale: { min: 1, max: Number(e.target.value) } })}>
              {[3, 4, 5, 6, 7, 10].map((m) => (
                <option key={m} value={m}>
                  1–{m}
                </option>
              ))}
            </SelectField>
          </div>
        ) : (
          <p className="text-xs text-slate-600">{t('scaleFixed', DEFAULT_SCALES[q.type])}</p>
        )}
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">{t('labels')}</summary>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {pointsOf(q.scale).flatMap((score) =>
              LOCALES.map((l) => (
                <TextField
                  key={`${score}${l}`}
                  label={t('labelFor', { score, language: language(l) })}
                  maxLength={60}
                  value={q.labels.find((x) => x.score === score)?.[l] ?? ''}
                  onChange={(e) => setLabel(score, l, e.target.value)}
                />
              )),
            )}
          </div>
          {problemAt('question.labels') && <p className="mt-1 text-xs text-red-700">{problemAt('question.labels')}</p>}
        </details>
        <fieldset className="space-y-2">
          <legend className="text-sm text-slate-700">{t('reasons')}</legend>
          {q.reasons.map((r, i) => (
            <div key={i} className="grid items-end gap-2 sm:grid-cols-[8rem_minmax(0,1fr)_minmax(0,1fr)_auto]">
              <TextField
                label={t('reasonKey')}
                maxLength={40}
                value={r.key}
                onChange={(e) => setQ({ reasons: q.reasons.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)) })}
              />
              {LOCALES.map((l) => (
                <TextField
                  key={l}
                  label={t('reasonIn', { language: language(l) })}
                  maxLength={80}
                  value={r[l]}
                  onChange={(e) => setQ({ reasons: q.reasons.map((x, j) => (j === i ? { ...x, [l]: e.target.value } : x)) })}
                />
              ))}
              <button
                type="button"
                className="mb-1 rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-700"
                aria-label={t('removeReason', { key: r.key || String(i + 1) })}
                onClick={() => setQ({ reasons: q.reasons.filter((_, j) => j !== i) })}
              >
                <Trash2 className="size-4" aria-hidden />
              </button>
            </div>
          ))}
          {q.reasons.length < 10 && (
            <button
              type="button"
              className="text-sm text-brand-700 hover:underline"
              onClick={() => setQ({ reasons: [...q.reasons, { key: '', en: '', de: '' }] })}
            >
              {t('addReason')}
            </button>
          )}
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={q.comment} onChange={(e) => setQ({ comment: e.target.checked })} />
          {t('comment')}
        </label>
      </fieldset>

      <TicketConditionsFieldset
        conditions={p.conditions}
        onChange={(conditions) => setP({ ...p, conditions })}
        tags={tags}
        onTagsChange={setTags}
        problemAt={problemAt}
      />

      <fieldset className={box}>
        <legend className={legend}>{t('timing')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <TextField
            label={t('delay')}
            hint={t('delayHint')}
            value={delay}
            onChange={(e) => setDelay(e.target.value)}
            aria-invalid={Boolean(problemAt('delayMinutes'))}
          />
          <SelectField label={t('fallbackLocale')} value={p.fallbackLocale} onChange={(e) => setP({ ...p, fallbackLocale: e.target.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {language(l)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('quietDays')}
            type="number"
            min={0}
            max={365}
            value={p.quietDays}
            onChange={(e) => setP({ ...p, quietDays: Number(e.target.value) })}
          />
          <TextField
            label={t('answerDays')}
            type="number"
            min={1}
            max={90}
            value={p.answerDays}
            onChange={(e) => setP({ ...p, answerDays: Number(e.target.value) })}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={p.businessHours} onChange={(e) => setP({ ...p, businessHours: e.target.checked })} />
          {t('businessHours')}
        </label>
      </fieldset>

      <fieldset className={box}>
        <legend className={legend}>{t('unhappy')}</legend>
        <p className="text-xs text-slate-600">{t('unhappyHint')}</p>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={p.unhappy.notifyLead} onChange={(e) => setP({ ...p, unhappy: { ...p.unhappy, notifyLead: e.target.checked } })} />
          {t('notifyLead')}
        </label>
        <div className="grid gap-2 sm:grid-cols-3">
          <TextField
            label={t('unhappyTag')}
            maxLength={40}
            value={p.unhappy.tag ?? ''}
            onChange={(e) => setP({ ...p, unhappy: { ...p.unhappy, tag: e.target.value.trim() ? e.target.value : null } })}
          />
          <SelectField
            label={t('unhappyAction')}
            value={p.unhappy.action}
            onChange={(e) => setP({ ...p, unhappy: { ...p.unhappy, action: e.target.value as SurveyPolicyInput['unhappy']['action'] } })}
          >
            {UNHAPPY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`action.${a}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('flagWords')} hint={t('flagWordsHint')} value={flagWords} onChange={(e) => setFlagWords(e.target.value)} />
        </div>
      </fieldset>

      <PolicyFormFooter
        problems={{ title: t('problems'), items: problems.map(text), testId: 'survey-problems' }}
        error={(save.error && serverProblems.length === 0) || remove.error ? errorText(save.error ?? remove.error) : null}
        saving={save.isPending}
        saved={saved}
        labels={{ save: t('save'), saved: t('saved'), delete: t('delete') }}
        confirmDelete={policy ? t('confirmDelete', { name: policy.name }) : undefined}
        onDelete={policy ? () => remove.mutate({ id: policy.id }) : undefined}
      />
    </PolicyForm>
  );
}
