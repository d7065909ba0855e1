'use client';

import { useFormatter, useTranslations } from 'use-intl';
import type { ChannelKind, TicketStatus, Priority } from '@/lib/domain';
import { useDirectory } from './use-directory';

type Event = { id: number; type: string; actorKind: string; actorAgentId: number | null; data: Record<string, unknown>; createdAt: number };

/** One line of ticket history ("Jana changed status from Open to Solved"), in the agent's language. */
export function EventLine({ e, channelKind }: { e: Event; channelKind: ChannelKind }) {
  const t = useTranslations();
  const format = useFormatter();
  const dir = useDirectory();
  const actor = e.actorKind === 'agent' ? (dir.agentName(e.actorAgentId) ?? '') : e.actorKind === 'customer' ? t('ticket.customer') : t('ticket.system');
  const d = e.data;
  let text: string;
  switch (e.type) {
    case 'created':
      text = t('events.created', { channel: t(`channel.${(d.channel as ChannelKind) ?? channelKind}`) });
      break;
    case 'status_changed':
      text = t('events.status_changed', { actor, from: t(`status.${d.from as TicketStatus}`), to: t(`status.${d.to as TicketStatus}`) });
      break;
    case 'priority_changed':
      text = t('events.priority_changed', { actor, from: t(`priority.${d.from as Priority}`), to: t(`priority.${d.to as Priority}`) });
      break;
    case 'assignee_changed':
      text = d.to == null ? t('events.unassigned', { actor }) : t('events.assignee_changed', { actor, to: dir.agentName(d.to as number) ?? '' });
      break;
    case 'team_changed':
      text = t('events.team_changed', { actor, to: dir.teamName(d.to as number | null) ?? '—' });
      break;
    case 'tags_changed':
      text = t('events.tags_changed', {
        actor,
        changes: [...((d.added as string[]) ?? []).map((x) => `+${x}`), ...((d.removed as string[]) ?? []).map((x) => `−${x}`)].join(' '),
      });
      break;
    case 'form_submitted':
      text = t('events.form_submitted', { form: String(d.form ?? ''), version: String(d.version ?? '') });
      break;
    case 'form_answers_changed':
      text = t('events.form_answers_changed', { actor, fields: ((d.changes as { label: string }[]) ?? []).map((c) => c.label).join(', ') });
      break;
    case 'marked_spam':
      text = e.actorKind === 'agent' ? t('events.marked_spam', { actor }) : t('events.held_as_spam', { reason: t(`events.spamReason.${d.reason === 'dmarc' ? 'dmarc' : 'spam'}`) });
      break;
    case 'marked_not_spam':
      text = t('events.marked_not_spam', { actor });
      break;
    case 'routed':
      text = t('events.routed', { rules: ((d.rules as { name: string }[]) ?? []).map((r) => r.name).join(', ') });
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
