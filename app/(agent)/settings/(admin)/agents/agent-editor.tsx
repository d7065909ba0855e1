'use client';

import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useErrorText } from '@/app/_components/error-text';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { IdCheckboxes } from '@/app/_components/id-checkboxes';
import { MAX_CHAT_LIMIT } from '@/lib/agent-status';

type Agent = { id: number; name: string; teamIds: number[]; chatLimit: number };

/** One agent's name, teams, chat limit and a new password, edited in place under their row. */
export function AgentEditor({ agent, teams, onDone }: { agent: Agent; teams: { id: number; name: string }[]; onDone: () => void }) {
  const t = useTranslations('admin');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [name, setName] = useState(agent.name);
  const [teamIds, setTeamIds] = useState(agent.teamIds);
  const [chatLimit, setChatLimit] = useState(String(agent.chatLimit));
  const [password, setPassword] = useState('');
  const save = useMutation(trpc.admin.updateAgent.mutationOptions({ onSuccess: onDone }));
  const reset = useMutation(trpc.admin.resetPassword.mutationOptions({ onSuccess: () => setPassword('') }));
  return (
    <div className="grid gap-3 bg-slate-50 p-3 sm:grid-cols-2">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: agent.id, name, teamIds, chatLimit: Number(chatLimit) });
        }}
      >
        <TextField label={t('name')} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <IdCheckboxes legend={t('teams')} items={teams} selected={teamIds} onChange={setTeamIds} />
        <TextField
          label={t('chatLimit')}
          type="number"
          min={0}
          max={MAX_CHAT_LIMIT}
          step={1}
          required
          value={chatLimit}
          onChange={(e) => setChatLimit(e.target.value)}
          hint={t('chatLimitHint', { max: MAX_CHAT_LIMIT })}
        />
        <div className="flex items-center gap-2">
          <button type="submit" disabled={save.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t('saveAgent')}
          </button>
          <button type="button" onClick={onDone} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-200">
            {t('cancel')}
          </button>
        </div>
        {save.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorText(save.error)}
          </p>
        )}
      </form>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          reset.mutate({ id: agent.id, password });
        }}
      >
        <TextField
          label={t('newPassword')}
          type="password"
          minLength={10}
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="text-xs text-slate-600">{t('newPasswordHint')}</p>
        <button type="submit" disabled={reset.isPending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          {t('resetPassword')}
        </button>
        {reset.isSuccess && (
          <p role="status" className="text-sm text-emerald-700">
            {t('passwordReset')}
          </p>
        )}
        {reset.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorText(reset.error)}
          </p>
        )}
      </form>
    </div>
  );
}
