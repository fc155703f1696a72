import fs from 'node:fs';
import { api, openDemoApp } from './test/e2e/harness';
const out = '/tmp/shots13m';
(async () => {
  const { host, browser, page } = await openDemoApp('Priya Shah');
  try {
    const folder = fs.mkdtempSync('/tmp/shot13m-b-');
    await api(host, 'backups.setFolder', { folder });
    await api(host, 'backups.run');
    await api(host, 'retention.set', { rules: { CME: { basis: 'after_closure', years: 1 }, PMOE: { basis: 'birthday', years: 25 } } });
    await api(host, 'users.create', { name: 'Dana Whitcombe', role: 'officer', password: 'slate harbour evening' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${host.url}#/settings`);
    await page.waitForTimeout(1500);
    for (const h of ['You', 'Users', 'Backups', 'Retention', 'Past retention']) {
      const el = page.getByRole('heading', { name: h, exact: true }).first();
      await el.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -20));
      await page.screenshot({ path: `${out}/settings-${h.replace(/ /g, '-')}.png` });
    }
    await page.getByRole('button', { name: /^Restore the backup taken/ }).first().click();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `${out}/restore-preview.png` });
    await page.keyboard.press('Escape');
    // As an officer: what Backups and Retention show.
    await api(host, 'session.signIn', { name: 'Dana Whitcombe', password: 'slate harbour evening' });
    await page.goto(`${host.url}#/settings`);
    await page.reload();
    await page.waitForTimeout(1500);
    await page.getByRole('heading', { name: 'Backups', exact: true }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/officer-backups.png` });
    await page.getByRole('heading', { name: 'Retention', exact: true }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/officer-retention.png` });
  } finally {
    await browser.close();
    await host.stop();
  }
})().catch((e) => { console.error(e); process.exit(1); });
