'use client';

import { useActionState } from 'react';
import { useTranslations } from 'use-intl';
import type { StopState } from '../actions';

export function StopForm({ token, action }: { token: string; action: (prev: StopState, data: FormData) => Promise<StopState> }) {
  const t = useTranslations('surveyPage');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as StopState);
  if (state.status === 'done') {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="survey-stopped">
        {t('stopDone')}
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">{t('stopText')}</p>
      {state.status === 'error' && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-md bg-slate-800 px-4 py-2.5 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-60"
      >
        {t('stopConfirm')}
      </button>
    </form>
  );
}
