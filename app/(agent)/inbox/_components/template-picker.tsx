'use client';

import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import type { ReplyOptions } from '@/server/channels/channel-adapter';
import { sourceKey, type TemplateSource } from '@/lib/channel-settings/whatsapp';

/**
 * Outside a platform's reply window: pick one of the channel's approved templates and send it. The
 * preview names what fills each placeholder; the server fills them and stores what the customer reads.
 */
export function TemplatePicker({ ticketId, templates }: { ticketId: number; templates: ReplyOptions['templates'] }) {
  const t = useTranslations('replyWindow');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(templates[0]?.name ?? '');
  const sendKey = useRef<string | null>(null);
  const send = useMutation(
    trpc.whatsapp.sendTemplate.mutationOptions({
      onSuccess: () => {
        sendKey.current = null;
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticketId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
      },
    }),
  );
  if (templates.length === 0) return <p className="text-xs text-slate-600">{t('noTemplates')}</p>;
  const chosen = templates.find((x) => x.name === name) ?? templates[0]!;
  const preview = chosen.body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => {
    const source = chosen.parameters[Number(n) - 1];
    return source ? `[${t(`param.${sourceKey(source as TemplateSource)}`)}]` : whole;
  });
  return (
    <div className="space-y-1.5" data-testid="template-picker">
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-xs font-medium text-slate-700" htmlFor="template-name">
          {t('template')}
        </label>
        <select
          id="template-name"
          value={chosen.name}
          onChange={(e) => setName(e.target.value)}
          className="rounded border border-slate-300 bg-white px-1.5 py-1 text-xs"
        >
          {templates.map((x) => (
            <option key={`${x.name}:${x.language}`} value={x.name}>
              {x.name} ({x.language})
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={send.isPending}
          onClick={() => send.mutate({ ticketId, name: chosen.name, clientId: (sendKey.current ??= crypto.randomUUID()) })}
          className="ml-auto rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {t('sendTemplate')}
        </button>
      </div>
      <p className="rounded border border-slate-200 bg-slate-50 px-2 py-1.5 text-sm whitespace-pre-wrap text-slate-800">
        <span className="block text-[11px] text-slate-500">{t('preview')}</span>
        {preview}
      </p>
      {send.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(send.error)}
        </p>
      )}
    </div>
  );
}
