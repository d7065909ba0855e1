'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { EventLine } from './event-line';
import { MessageBubble } from './message-bubble';

type TicketData = inferRouterOutputs<AppRouter>['tickets']['get'];
type Item = { kind: 'message'; at: number; m: TicketData['messages'][number] } | { kind: 'event'; at: number; e: TicketData['events'][number] };

// These events are the messages themselves; the thread shows the message instead.
const MESSAGE_EVENTS = new Set(['public_reply', 'internal_note', 'customer_message', 'acknowledgement_sent', 'survey_sent']);

/** At the same instant events come before messages (a ticket is created, then its first message shows), each kind in the order written. */
const order = (i: Item) => (i.kind === 'event' ? i.e.id : 2 ** 40 + i.m.id);

/** Messages from every channel and the ticket's history, in one timeline. */
export function Thread({ data }: { data: TicketData }) {
  const t = useTranslations('ticket');
  const items: Item[] = [
    ...data.messages.map((m) => ({ kind: 'message' as const, at: m.createdAt, m })),
    ...data.events.filter((e) => !MESSAGE_EVENTS.has(e.type)).map((e) => ({ kind: 'event' as const, at: e.createdAt, e })),
  ].sort((a, b) => a.at - b.at || order(a) - order(b));

  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [data.messages.length]);

  return (
    // Focusable, so the conversation scrolls with the keyboard too.
    <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-4" data-testid="thread" tabIndex={0} role="region" aria-label={t('conversation')}>
      {items.map((item) =>
        item.kind === 'message' ? (
          <MessageBubble
            key={`m${item.m.id}`}
            m={item.m}
            customerName={data.customer.name}
            survey={item.m.surveyRequestId === null ? undefined : data.surveys.find((s) => s.requestId === item.m.surveyRequestId)}
          />
        ) : (
          <EventLine key={`e${item.e.id}`} e={item.e} />
        ),
      )}
      <div ref={endRef} />
    </div>
  );
}
