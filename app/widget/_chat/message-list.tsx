/** @jsxImportSource preact */
import { useEffect, useRef } from 'preact/hooks';
import type { WidgetLocale, WidgetMessage } from '@/lib/widget-events';
import type { Pending } from './outbox';
import { fill, type Texts } from './i18n';
import { PaperclipIcon } from './paperclip-icon';

type Props = {
  messages: WidgetMessage[];
  pending: readonly Pending[];
  agentReadUpTo: number | null;
  agentTyping: string | null;
  /** While the connection is down, unsent messages say they wait for it rather than "Sending…". */
  offline: boolean;
  locale: WidgetLocale;
  t: Texts;
  onRetry: (clientId: string) => void;
};

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** The conversation: agent messages left with name and avatar, the visitor's right, unsent ones marked. */
export function MessageList({ messages, pending, agentReadUpTo, agentTyping, offline, locale, t, onRetry }: Props) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length, pending.length, agentTyping]);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const lastSeenOwn = messages.findLast((m) => m.author === 'visitor' && agentReadUpTo !== null && m.id <= agentReadUpTo)?.id;
  return (
    <div class="messages" role="log" aria-live="polite" data-testid="widget-messages">
      {messages.map((m) => (
        <div key={m.id} class={`msg ${m.author}`} data-testid="widget-message">
          {m.author === 'agent' && (
            <span class="avatar" aria-hidden="true">
              {initials(m.agentName ?? '?')}
            </span>
          )}
          <div>
            {m.author === 'agent' && <div class="who">{m.agentName}</div>}
            <div class="bubble">
              {/* A file sent alone has its name as its text: shown once, as the file. */}
              {m.attachments.some((a) => a.filename === m.text) ? null : m.text}
              {m.attachments.map((a) =>
                a.url ? (
                  <a class="file" key={a.url} href={a.url} download={a.filename} target="_blank" rel="noopener">
                    <PaperclipIcon /> {a.filename}
                  </a>
                ) : (
                  <div class="file" key={a.filename}>
                    <PaperclipIcon /> {a.filename}
                  </div>
                ),
              )}
            </div>
            <div class="meta">
              {time.format(m.createdAt)}
              {m.id === lastSeenOwn && ` · ${t.seen}`}
            </div>
          </div>
        </div>
      ))}
      {pending.map((p) => (
        <div key={p.clientId} class="msg visitor pending" data-testid="widget-pending">
          <div>
            <div class="bubble">
              {p.text || p.file?.name}
              {p.file && p.text && (
                <div class="file">
                  <PaperclipIcon /> {p.file.name}
                </div>
              )}
            </div>
            <div class="meta">
              {p.error ? (
                <span class="error">
                  {t.failed}: {p.error}{' '}
                  <button type="button" class="link" onClick={() => onRetry(p.clientId)}>
                    {t.retry}
                  </button>
                </span>
              ) : offline ? (
                t.waiting
              ) : (
                t.sending
              )}
            </div>
          </div>
        </div>
      ))}
      {agentTyping && (
        <div class="typing" data-testid="widget-typing">
          {fill(t.typing, { name: agentTyping })}
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
