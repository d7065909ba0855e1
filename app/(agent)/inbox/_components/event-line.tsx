'use client';

import { useFormatter, useTranslations } from 'use-intl';
import type { TypedTicketEvent } from '@/lib/ticket-events';
import { useDirectory } from './use-directory';

type Event = TypedTicketEvent & { id: number; actorKind: string; actorAgentId: number | null; createdAt: number };

/** One line of ticket history ("Jana changed status from Open to Solved"), in the agent's language. */
export function EventLine({ e }: { e: Event }) {
  const t = useTranslations();
  const format = useFormatter();
  const dir = useDirectory();
  const actor = e.actorKind === 'agent' ? (dir.agentName(e.actorAgentId) ?? '') : e.actorKind === 'customer' ? t('ticket.customer') : t('ticket.system');
  let text: string;
  switch (e.type) {
    case 'created':
      text = t('events.created', { channel: t(`channel.${e.data.channel}`) });
      break;
    case 'status_changed':
      text = t('events.status_changed', { actor, from: t(`status.${e.data.from}`), to: t(`status.${e.data.to}`) });
      break;
    case 'priority_changed':
      text = t('events.priority_changed', { actor, from: t(`priority.${e.data.from}`), to: t(`priority.${e.data.to}`) });
      break;
    case 'assignee_changed':
      text = e.data.to == null ? t('events.unassigned', { actor }) : t('events.assignee_changed', { actor, to: dir.agentName(e.data.to) ?? '' });
      break;
    case 'team_changed':
      text = t('events.team_changed', { actor, to: dir.teamName(e.data.to) ?? '—' });
      break;
    case 'tags_changed':
      text = t('events.tags_changed', { actor, changes: [...e.data.added.map((x) => `+${x}`), ...e.data.removed.map((x) => `−${x}`)].join(' ') });
      break;
    case 'form_submitted':
      text = t('events.form_submitted', { form: e.data.form, version: String(e.data.version) });
      break;
    case 'form_answers_changed':
      text = t('events.form_answers_changed', { actor, fields: e.data.changes.map((c) => c.label).join(', ') });
      break;
    case 'routed':
      text = t('events.routed', { rules: e.data.rules.map((r) => r.name).join(', ') });
      break;
    case 'marked_spam':
      text = e.data.reason ? t('events.held_as_spam', { reason: t(`events.spamReason.${e.data.reason}`) }) : t('events.marked_spam', { actor });
      break;
    case 'marked_not_spam':
      text = t('events.marked_not_spam', { actor });
      break;
    default:
      text = e.type;
  }
  return (
    <p className="flex items-center gap-2 text-[11px] text-slate-500" data-testid="event">
      <span className="h-px flex-1 bg-slate-200" aria-hidden />
      <span>{text}</span>
      <time className="text-slate-400" dateTime={new Date(e.createdAt).toISOString()}>
        {format.dateTime(e.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
      </time>
      <span className="h-px flex-1 bg-slate-200" aria-hidden />
    </p>
  );
}
