import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html';

describe('sanitizeHtml', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const out = sanitizeHtml('<p onclick="steal()">Hallo<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>');
    expect(out).not.toMatch(/script|onclick|javascript/i);
    expect(out).toContain('Hallo');
  });
  it('keeps formatting and makes links open safely', () => {
    const out = sanitizeHtml('<p><strong>Wichtig</strong> <a href="https://example.de">Link</a></p>');
    expect(out).toContain('<strong>Wichtig</strong>');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });
  it('drops plain-http images so opening a mail does not leak to trackers over http', () => {
    expect(sanitizeHtml('<img src="http://tracker.example/p.gif">')).not.toContain('tracker');
  });
});
