/** @jsxImportSource preact */
import type { WidgetAvailability, WidgetLocale } from '@/lib/widget-events';
import { fill, type Texts } from './i18n';

const WEEK = 6 * 24 * 3600_000;

/** The next opening in the visitor's own time zone: "Mon 08:00", with the date when it is further off. */
function formatOpening(at: number, locale: WidgetLocale, now = Date.now()) {
  const far = at - now > WEEK;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit', ...(far ? { day: 'numeric', month: 'short' } : {}) }).format(
    at,
  );
}

/** Online, nobody there (expected reply time), or closed by the widget's business hours (back when). */
export function AvailabilityStatus({
  availability,
  expectedReplyMinutes,
  locale,
  t,
}: {
  availability: WidgetAvailability;
  expectedReplyMinutes: number;
  locale: WidgetLocale;
  t: Texts;
}) {
  const { agentsOnline, open, opensAt } = availability;
  const online = open && agentsOnline > 0;
  const text = online
    ? t.online
    : !open
      ? opensAt === null
        ? t.closed
        : fill(t.closedUntil, { when: formatOpening(opensAt, locale) })
      : fill(t.offline, { minutes: expectedReplyMinutes });
  return (
    <p class="status" data-testid="widget-availability" data-state={online ? 'online' : open ? 'away' : 'closed'}>
      <span class={`dot ${online ? 'on' : ''}`} aria-hidden="true" />
      {text}
    </p>
  );
}
