import { Mail, MessageCircle, MessagesSquare, Phone, Send, FileText } from 'lucide-react';
import type { ChannelKind } from '@/lib/domain';

const ICONS: Record<ChannelKind, { icon: typeof Mail; color: string }> = {
  email: { icon: Mail, color: 'text-slate-500' },
  chat: { icon: MessagesSquare, color: 'text-brand-600' },
  messenger: { icon: MessageCircle, color: 'text-blue-600' },
  whatsapp: { icon: Phone, color: 'text-emerald-600' },
  telegram: { icon: Send, color: 'text-sky-500' },
  web_form: { icon: FileText, color: 'text-amber-600' },
};

export function ChannelIcon({ kind, label, className = 'size-4' }: { kind: ChannelKind; label: string; className?: string }) {
  const { icon: Icon, color } = ICONS[kind];
  // Without a label the icon only decorates something that says the channel in words: hidden from screen readers.
  return label ? (
    <Icon className={`${className} shrink-0 ${color}`} aria-label={label} role="img" />
  ) : (
    <Icon className={`${className} shrink-0 ${color}`} aria-hidden />
  );
}
