'use client';

import { useState } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { formatFileSize } from '@/lib/i18n/file-size';
import { useStoredText } from '@/app/_components/stored-text';
import { AlertTriangle, Check, CheckCheck, Clock, FileX, ImageIcon, Lock, Paperclip } from 'lucide-react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { Avatar } from '@/app/_components/avatar';
import { useDirectory } from './use-directory';
import { MailChecks } from './mail-checks';
import { SurveyDetails } from '@/app/_components/survey-score';
import type { SurveySummary } from '@/server/surveys/survey-summary';

type Message = inferRouterOutputs<AppRouter>['tickets']['get']['messages'][number];

/** One message: author, time, envelope, folded text with the original one click away, delivery state. */
export function MessageBubble({ m, customerName, survey }: { m: Message; customerName: string; survey?: SurveySummary }) {
  const t = useTranslations();
  const refusal = useStoredText('serverErrors');
  const format = useFormatter();
  const locale = useLocale();
  const dir = useDirectory();
  const [showOriginal, setShowOriginal] = useState(false);
  const [imagesLoaded, setImagesLoaded] = useState(false);
  const author =
    m.authorKind === 'customer'
      ? (m.envelope?.from?.name ?? customerName)
      : m.authorKind === 'agent'
        ? (dir.agentName(m.authorAgentId) ?? '')
        : t('ticket.system');
  const style = m.isInternal ? 'border-amber-200 bg-amber-50' : m.authorKind === 'customer' ? 'border-slate-200 bg-white' : 'border-brand-100 bg-brand-50/60';
  const hasMore = m.visibleText !== m.bodyText.trim() || m.bodyHtml !== null;
  // Remote images stay unloaded (sanitizer moved their address) until the agent asks.
  const html = m.bodyHtml && imagesLoaded ? m.bodyHtml.replaceAll('data-remote-src=', 'src=') : m.bodyHtml;
  const list = (as: { address: string; name?: string }[]) => as.map((a) => a.name ?? a.address).join(', ');

  return (
    <article className={`rounded-lg border px-3 py-2 ${style}`} data-testid={m.isInternal ? 'internal-note' : 'message'}>
      <header className="mb-1 flex items-center gap-2 text-xs">
        <Avatar name={author || '?'} size="sm" />
        <span className="font-medium text-slate-800">{author}</span>
        {m.envelope?.from && m.authorKind === 'customer' && <span className="text-slate-500">&lt;{m.envelope.from.address}&gt;</span>}
        {m.isInternal && (
          <span className="flex items-center gap-0.5 rounded bg-amber-200/70 px-1 py-px text-[10px] font-semibold text-amber-900 uppercase">
            <Lock className="size-2.5" aria-hidden />
            {m.envelope?.forwarded ? t('message.forwarded') : t('ticket.internalNote')}
          </span>
        )}
        {m.editedAt !== null && (
          <span className="ml-auto text-slate-600" title={format.dateTime(m.editedAt, { dateStyle: 'medium', timeStyle: 'short' })} data-testid="edited">
            {t('message.edited')}
          </span>
        )}
        <time className={`${m.editedAt !== null ? '' : 'ml-auto '}text-slate-600`} dateTime={new Date(m.createdAt).toISOString()}>
          {format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      </header>
      {m.envelope && (m.envelope.to.length > 0 || m.envelope.cc.length > 0) && (
        <p className="mb-1 truncate text-[11px] text-slate-500">
          {m.envelope.to.length > 0 && `${t('message.to')}: ${list(m.envelope.to)}`}
          {m.envelope.cc.length > 0 && ` · ${t('message.cc')}: ${list(m.envelope.cc)}`}
          {m.envelope.bcc.length > 0 && ` · ${t('message.bcc')}: ${list(m.envelope.bcc)}`}
        </p>
      )}
      {showOriginal && html ? (
        // Sanitized on the server (sanitize-html) when stored and again when read.
        <div className="message-html overflow-x-auto text-sm leading-relaxed text-slate-800" dangerouslySetInnerHTML={{ __html: html }} />
      ) : m.formattedHtml ? (
        // An agent's formatted reply or note, rendered from its Markdown and sanitized on the server.
        <div className="message-html text-sm leading-relaxed text-slate-800" data-testid="formatted" dangerouslySetInnerHTML={{ __html: m.formattedHtml }} />
      ) : (
        <p className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800">{showOriginal ? m.bodyText : m.visibleText}</p>
      )}
      {survey && (
        <div className="mt-2 border-t border-brand-100 pt-2">
          <SurveyDetails s={survey} />
        </div>
      )}
      {m.attachments.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Attachments">
          {m.attachments.map((a) => (
            <li key={a.id}>
              {a.blockedReason ? (
                <span className="flex items-center gap-1 rounded border border-dashed border-slate-300 px-2 py-1 text-xs text-slate-500">
                  <FileX className="size-3.5" aria-hidden />
                  {t('message.attachmentBlocked', { name: a.filename, reason: refusal(a.blockedReason) })}
                </span>
              ) : (
                <a
                  href={`/attachments/${a.id}`}
                  target="_blank"
                  rel="noopener"
                  className="flex items-center gap-1 rounded border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 hover:border-brand-500"
                >
                  <Paperclip className="size-3.5" aria-hidden />
                  {a.filename}
                  <span className="text-slate-500">{formatFileSize(a.size, locale)}</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <footer className="mt-1 flex flex-wrap items-center gap-3 text-[11px]">
        {hasMore && (
          <button type="button" className="text-brand-700 hover:underline" onClick={() => setShowOriginal((v) => !v)} aria-expanded={showOriginal}>
            {showOriginal ? t('message.hideOriginal') : t('message.showOriginal')}
          </button>
        )}
        {showOriginal && m.bodyHtml?.includes('data-remote-src=') && !imagesLoaded && (
          <button type="button" className="flex items-center gap-1 text-brand-700 hover:underline" onClick={() => setImagesLoaded(true)}>
            <ImageIcon className="size-3" aria-hidden />
            {t('message.loadImages')}
          </button>
        )}
        {m.checks && <MailChecks checks={m.checks} />}
        <DeliveryState state={m.deliveryState} error={m.deliveryError} />
      </footer>
    </article>
  );
}

function DeliveryState({ state, error }: { state: Message['deliveryState']; error: string | null }) {
  const t = useTranslations('message');
  const reason = useStoredText('message.deliveryErrors');
  if (state === 'none') return null;
  const look = {
    queued: { icon: Clock, cls: 'text-slate-500' },
    sent: { icon: Check, cls: 'text-emerald-700' },
    delivered: { icon: CheckCheck, cls: 'text-emerald-700' },
    read: { icon: CheckCheck, cls: 'text-sky-700' },
    failed: { icon: AlertTriangle, cls: 'text-red-700' },
  }[state];
  return (
    <span className={`ml-auto flex items-center gap-1 ${look.cls}`} data-testid="delivery-state" title={error ?? undefined}>
      <look.icon className="size-3" aria-hidden />
      <span className="max-w-96 truncate">{error && (state === 'failed' || state === 'queued') ? `${t(state)}: ${reason(error)}` : t(state)}</span>
    </span>
  );
}
