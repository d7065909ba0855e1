import crypto from 'node:crypto';
import { createFormatter } from 'use-intl/core';
import type { Locale } from '@/lib/domain';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { figureFormat } from '@/lib/dashboard/figure-format';
import { escapeHtml } from '@/server/content/escape-html';
import type { EmailPayload } from '@/server/channels/email/compose-email';
import { domainOf, type EmailSettings } from '@/server/channels/email/email-settings';
import type { FigureValue, HeadlineFigure } from './dashboard-headline';

/** One part of a summary: a team's figures (or all teams') and the dashboard address showing them. */
export type DigestSection = { team: string | null; url: string; figures: HeadlineFigure[] };

/**
 * A lead's weekly summary as an email: per section every headline figure of the week, the week before
 * and its n, small samples flagged, and the link to the same week on the dashboard. Text and HTML say
 * the same; the HTML is a table per section.
 */
export function composeDigestMail(
  inbox: EmailSettings,
  digest: { id: number; weekStart: string; weekEnd: string; zone: string; sections: DigestSection[] },
  agent: { email: string; name: string },
  locale: Locale,
): EmailPayload {
  const m = catalogs[locale];
  const fmt = figureFormat(createFormatter({ locale, timeZone: digest.zone }));
  const show = (f: HeadlineFigure, v: FigureValue) => {
    const value = fmt[f.unit === 'duration' ? 'duration' : f.unit](v.value);
    return v.p90 != null ? `${value} (${fill(m.digestMail.p90, { value: fmt.duration(v.p90) })})` : value;
  };
  const rows = (s: DigestSection) =>
    s.figures.map((f) => ({
      label: m.dashboard.figures[f.key] + (f.small ? ` (${m.digestMail.small})` : ''),
      value: show(f, f.current),
      previous: show(f, f.previous),
      n: fmt.count(f.current.n),
    }));
  const range = { from: fmt.day(digest.weekStart), to: fmt.day(digest.weekEnd), zone: digest.zone };
  const intro = fill(m.digestMail.intro, range);
  const titled = (s: DigestSection) => s.team ?? m.digestMail.allTeams;

  const text = [
    intro,
    ...digest.sections.map((s) => [titled(s), ...rows(s).map((r) => `- ${fill(m.digestMail.line, r)}`), fill(m.digestMail.open, { url: s.url })].join('\n')),
    m.digestMail.why,
  ].join('\n\n');

  const cell = 'padding:4px 12px 4px 0;border-bottom:1px solid #e5e7eb;text-align:left';
  const table = (s: DigestSection) =>
    `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(titled(s))}</h2>` +
    `<table style="border-collapse:collapse;font-size:14px"><thead><tr>${[m.digestMail.figure, m.digestMail.thisWeek, m.digestMail.weekBefore, m.digestMail.n]
      .map((h) => `<th style="${cell}">${escapeHtml(h)}</th>`)
      .join('')}</tr></thead><tbody>${rows(s)
      .map((r) => `<tr>${[r.label, r.value, r.previous, r.n].map((c) => `<td style="${cell}">${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>` +
    `<p><a href="${escapeHtml(s.url)}">${escapeHtml(fill(m.digestMail.open, { url: s.url }))}</a></p>`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif;font-size:14px;line-height:1.5">` +
    `<p>${escapeHtml(intro)}</p>${digest.sections.map(table).join('')}<p style="color:#4b5563">${escapeHtml(m.digestMail.why)}</p></body></html>`;

  return {
    from: { address: inbox.address, name: inbox.displayName },
    replyTo: inbox.address,
    to: [{ address: agent.email, name: agent.name }],
    cc: [],
    subject: fill(m.digestMail.subject, { ...range, scope: digest.sections.map(titled).join(', ') }),
    messageId: `<d${digest.id}.${crypto.randomBytes(6).toString('hex')}@${domainOf(inbox.address)}>`,
    inReplyTo: null,
    references: [],
    text,
    html,
    // Out-of-office robots must not answer a summary.
    autoSubmitted: 'auto-generated',
  };
}
