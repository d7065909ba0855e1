'use client';

import { useFormatter, useTranslations } from 'use-intl';
import type { TypedTicketEvent } from '@/lib/ticket-events';
import { useDirectory } from './use-directory';
import { useDuration } from '@/app/_components/sla-badge';
import type { SlaTarget } from '@/lib/sla-policy';

type Event = TypedTicketEvent & { id: number; actorKind: string; actorAgentId: number | null; createdAt: number };

/** One line of ticket history ("Jana changed status from Open to Solved"), in the agent's language. */
export function EventLine({ e }: { e: Event }) {
  const t = useTranslations();
  const format = useFormatter();
  const dir = useDirectory();
  const duration = useDuration('short');
  const target = (x: SlaTarget) => t(`sla.target.${x}`);
  const when = (at: number | null) => (at === null ? '—' : format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' }));
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
      if (e.data.to == null) text = t('events.unassigned', { actor });
      // Not "Sam assigned to Sam".
      else if (e.actorKind === 'agent' && e.data.to === e.actorAgentId) text = t('events.assigned_self', { actor });
      else text = t('events.assignee_changed', { actor, to: dir.agentName(e.data.to) ?? '' });
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
    case 'macro_applied':
      text = t('events.macro_applied', { actor, name: e.data.name });
      break;
    case 'merged_into':
    case 'linked':
    case 'unlinked':
      text = t(`events.${e.type}`, { actor, number: e.data.number });
      break;
    case 'forwarded':
      text = t('events.forwarded', { actor, to: e.data.to.join(', ') });
      break;
    case 'merged_from':
      text = t('events.merged_from', { actor, number: e.data.number, messages: e.data.messages });
      break;
    case 'snoozed':
      text = e.data.reason
        ? t('events.snoozedWithReason', { actor, until: when(e.data.until), reason: e.data.reason })
        : t('events.snoozed', { actor, until: when(e.data.until) });
      break;
    case 'snooze_ended':
      text = t(`events.snooze_ended.${e.data.cause}`, { actor });
      break;
    case 'marked_spam':
      text = e.data.reason ? t('events.held_as_spam', { reason: t(`events.spamReason.${e.data.reason}`) }) : t('events.marked_spam', { actor });
      break;
    case 'marked_not_spam':
      text = t('events.marked_not_spam', { actor });
      break;
    case 'sla_planned':
      // A target starting to count is in the header; only a move (policy or priority changed) is news here.
      if (e.data.previousDueAt === undefined) return null;
      text = t('events.sla_moved', { target: target(e.data.target), due: when(e.data.dueAt) });
      break;
    case 'sla_warning':
      text = t('events.sla_warning', { target: target(e.data.target), due: when(e.data.dueAt) });
      break;
    case 'sla_breached':
      text = t('events.sla_breached', { target: target(e.data.target) });
      break;
    case 'sla_met': {
      const took =
        e.data.duration.businessMs === null
          ? duration(e.data.duration.calendarMs)
          : t('events.sla_took', { business: duration(e.data.duration.businessMs), calendar: duration(e.data.duration.calendarMs) });
      text = e.data.met
        ? t('events.sla_met', { target: target(e.data.target), took })
        : t('events.sla_missed', { target: target(e.data.target), over: duration(e.data.overByMs), took });
      break;
    }
    case 'sla_stopped':
      text = t(`events.sla_stopped.${e.data.reason}`, { target: target(e.data.target) });
      break;
    case 'customer_reaction':
      text = e.data.emoji ? t('events.customer_reaction', { emoji: e.data.emoji }) : t('events.customer_reaction_removed');
      break;
    case 'reply_window_closed':
      text = t('events.reply_window_closed', { at: when(e.data.closedAt) });
      break;
    case 'survey_skipped':
      text = t('events.survey_skipped', { reason: t(`events.surveySkip.${e.data.reason}`) });
      break;
    case 'survey_answered':
      text = t(e.data.changed ? 'events.survey_changed' : 'events.survey_answered', {
        type: t(`surveys.type.${e.data.type}`),
        score: e.data.score,
        max: e.data.scale.max,
      });
      break;
    case 'survey_opted_out':
      text = t('events.survey_opted_out');
      break;
    case 'survey_follow_up':
      text = t('events.survey_follow_up', { number: e.data.fromNumber });
      break;
    default:
      text = e.type;
  }
  return (
    <p className="flex items-center gap-2 text-[11px] text-slate-500" data-testid="event">
      <span className="h-px flex-1 bg-slate-200" aria-hidden />
      <span>{text}</span>
      <time className="text-slate-500" dateTime={new Date(e.createdAt).toISOString()}>
        {format.dateTime(e.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
      </time>
      <span className="h-px flex-1 bg-slate-200" aria-hidden />
    </p>
  );
}
