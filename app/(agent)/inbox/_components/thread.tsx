'use client';

import { useEffect, useRef } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { Lock } from 'lucide-react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { Avatar } from '@/app/_components/avatar';
import { useDirectory } from './use-directory';
import { EventLine } from './event-line';

type TicketData = inferRouterOutputs<AppRouter>['tickets']['get'];
type Item = { kind: 'message'; at: number; m: TicketData['messages'][number] } | { kind: 'event'; at: number; e: TicketData['events'][number] };

// These events are the messages themselves; the thread shows the message instead.
const MESSAGE_EVENTS = new Set(['public_reply', 'internal_note', 'customer_message']);

/** Messages from every channel and the ticket's history, in one timeline. */
export function Thread({ data }: { data: TicketData }) {
  const items: Item[] = [
    ...data.messages.map((m) => ({ kind: 'message' as const, at: m.createdAt, m })),
    ...data.events.filter((e) => !MESSAGE_EVENTS.has(e.type)).map((e) => ({ kind: 'event' as const, at: e.createdAt, e })),
  ].sort((a, b) => a.at - b.at || (a.kind === 'event' ? -1 : 1));

  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [data.messages.length]);

  return (
    <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-4" data-testid="thread">
      {items.map((item) =>
        item.kind === 'message' ? (
          <MessageBubble key={`m${item.m.id}`} m={item.m} customerName={data.customer.name} />
        ) : (
          <EventLine key={`e${item.e.id}`} e={item.e} channelKind={data.channel.kind} />
        ),
      )}
      <div ref={endRef} />
    </div>
  );
}

function MessageBubble({ m, customerName }: { m: TicketData['messages'][number]; customerName: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const dir = useDirectory();
  const author = m.authorKind === 'customer' ? customerName : m.authorKind === 'agent' ? (dir.agentName(m.authorAgentId) ?? '') : t('ticket.system');
  const style = m.isInternal
    ? 'border-amber-200 bg-amber-50'
    : m.authorKind === 'customer'
      ? 'border-slate-200 bg-white'
      : 'border-brand-100 bg-brand-50/60';
  return (
    <article className={`rounded-lg border px-3 py-2 ${style}`} data-testid={m.isInternal ? 'internal-note' : 'message'}>
      <header className="mb-1 flex items-center gap-2 text-xs">
        <Avatar name={author || '?'} size="sm" />
        <span className="font-medium text-slate-800">{author}</span>
        {m.isInternal && (
          <span className="flex items-center gap-0.5 rounded bg-amber-200/70 px-1 py-px text-[10px] font-semibold text-amber-900 uppercase">
            <Lock className="size-2.5" aria-hidden />
            {t('ticket.internalNote')}
          </span>
        )}
        <time className="ml-auto text-slate-400" dateTime={new Date(m.createdAt).toISOString()}>
          {format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      </header>
      {m.bodyHtml ? (
        // Sanitized on the server (sanitize-html) when stored and again when read.
        <div className="message-html text-sm leading-relaxed text-slate-800" dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
      ) : (
        <p className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800">{m.bodyText}</p>
      )}
    </article>
  );
}
