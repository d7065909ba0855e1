import { test, expect } from '@playwright/test';
import { signIn } from '../support/sign-in';

test('pages run only the scripts Next wrote (a nonce per response, no inline scripts otherwise) and still work', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  page.on('pageerror', (e) => violations.push(e.message));

  const first = await page.request.get('/login');
  const second = await page.request.get('/login');
  const policy = first.headers()['content-security-policy'] ?? '';
  const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(second.headers()['content-security-policy']).not.toBe(policy);
  // Every inline script in the page carries the nonce of its response.
  const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1]!;
  const html = await first.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThan(0);
  for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);

  // Hydrated and working under that policy: sign in, the inbox renders.
  await signIn(page, 'jana@demo.local');
  expect(violations).toEqual([]);
});
