import type { Priority, TicketStatus } from '@/lib/domain';

const STATUS_STYLES: Record<TicketStatus, string> = {
  new: 'bg-amber-100 text-amber-800',
  open: 'bg-red-100 text-red-800',
  pending: 'bg-sky-100 text-sky-800',
  on_hold: 'bg-slate-200 text-slate-700',
  solved: 'bg-emerald-100 text-emerald-800',
  closed: 'bg-slate-100 text-slate-600',
};

export function StatusBadge({ status, label }: { status: TicketStatus; label: string }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-px text-[11px] font-medium ${STATUS_STYLES[status]}`}>{label}</span>;
}

const PRIORITY_STYLES: Record<Priority, string> = {
  low: 'text-slate-600',
  normal: 'text-slate-500',
  high: 'text-orange-700',
  urgent: 'text-red-700 font-semibold',
};

export function PriorityLabel({ priority, label }: { priority: Priority; label: string }) {
  if (priority === 'normal') return null;
  return (
    <span className={`text-[11px] ${PRIORITY_STYLES[priority]}`}>
      {priority === 'urgent' ? '▲▲ ' : priority === 'high' ? '▲ ' : '▽ '}
      {label}
    </span>
  );
}
