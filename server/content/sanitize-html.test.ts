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
  it('keeps remote images from loading until the agent asks', () => {
    const out = sanitizeHtml('<img src="https://tracker.example/p.gif" alt="logo"><img src="cid:part1@x">');
    expect(out).toContain('data-remote-src="https://tracker.example/p.gif"');
    expect(out).not.toMatch(/ src="https:/);
    expect(out).toContain('src="cid:part1@x"');
  });
  it('drops data-remote-src pointing at javascript', () => {
    expect(sanitizeHtml('<img src="javascript:alert(1)">')).not.toContain('javascript');
  });
});
