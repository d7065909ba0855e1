import { chromium } from '@playwright/test';

const base = 'http://127.0.0.1:3399';
const widths = [390, 768, 1024, 1366];
const pages = (process.env.PAGES ?? '/inbox?view=all_unsolved,/macros,/settings/teams,/settings/agents').split(',');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const locale of (process.env.LOCALES ?? 'en-US,de-DE').split(',')) {
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.locator('input[type=email]').fill(process.env.WHO ?? 'admin@demo.local');
    await page.locator('input[type=password]').fill('demo-password');
    await page.locator('button[type=submit]').click();
    await page.waitForURL('**/inbox**');
    for (const p of pages) {
      for (const w of widths) {
        await page.setViewportSize({ width: w, height: w < 700 ? 844 : 900 });
        await page.goto(`${base}${p}`);
        await page.waitForTimeout(1200);
        if (p.startsWith('/inbox') && w >= 768) {
          await page.locator('[data-ticket-id]').first().click();
          await page.waitForTimeout(800);
        }
        const name = `${locale.slice(0, 2)}-${p.replace(/[^a-z]/g, '_')}-${w}.png`;
        await page.screenshot({ path: `/tmp/shots/${name}` });
      }
    }
    await context.close();
  }
  await browser.close();
})();
