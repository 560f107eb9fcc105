// Drives Debian's chromium through playwright-core against a running `sitrep serve`.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const base = process.env.SITREP_BASE;
const shot = process.env.SITREP_SHOT;
const profile = process.env.SITREP_PROFILE;
fs.mkdirSync(profile, { recursive: true });

const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 860 },
});
const problems = [];
const page = context.pages()[0] || await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('response', (r) => { if (r.status() >= 400) problems.push('HTTP ' + r.status() + ': ' + r.url()); });
page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
// Nothing but the server itself may be reached (no CDN, no tiles).
page.on('request', (r) => { if (!r.url().startsWith(base)) problems.push('outside request: ' + r.url()); });

try {
  const resp = await page.goto(base + '/', { waitUntil: 'load' });
  assert.ok(resp.headers()['content-security-policy'].includes("script-src 'self'"));
  await page.waitForSelector('body[data-loaded]', { timeout: 20000 });
  const all = await page.locator('#list li').count();
  assert.ok(all >= 5, `incidents listed: ${all}`);
  assert.ok(await page.locator('path.incident-marker').count() >= 5, 'markers on the map');
  assert.ok(await page.locator('.leaflet-overlay-pane path').count() > 100, 'country outlines drawn');
  assert.ok(await page.locator('#timeline rect.bar').count() >= 3, 'timeline bars');

  // Filter: one country.
  await page.selectOption('#f-country', 'AM');
  const before = await page.getAttribute('body', 'data-loaded');
  await page.click('#f-apply');
  await page.waitForFunction((b) => document.body.dataset.loaded !== b, before);
  const am = await page.locator('#list li').count();
  assert.ok(am >= 1 && am < all, `filtered ${am} of ${all}`);
  for (const t of await page.locator('#list li .where').allTextContents()) {
    if (t.includes(',')) assert.ok(/\bAM\b/.test(t) || !/, [A-Z]{2}$/.test(t), t);
  }

  // Open the Sotk incident: claims side by side with highlighted evidence.
  await page.locator('#list li', { hasText: 'Sotk' }).first().click();
  await page.waitForSelector('#detail .claim mark.evidence', { timeout: 10000 });
  const claims = await page.locator('#detail .claim').count();
  assert.ok(claims >= 1, 'claims shown');
  const src = await page.locator('#detail .claim .src').first().textContent();
  assert.ok(src.includes('Test Yerevan Wire') || src.length > 0, src);
  const marks = await page.locator('#detail .claim mark.evidence').allTextContents();
  assert.ok(marks.some((m) => m.includes('Sotk')), 'evidence highlighted: ' + marks.join(' | '));
  const docText = await page.locator('#detail .claim .doc').first().textContent();
  assert.ok(docText.length > marks.join('').length, 'the whole report is shown around the evidence');

  // Back, reset and brush one day on the timeline.
  await page.click('#detail-close');
  await page.click('#f-reset');
  await page.waitForFunction(() => document.querySelectorAll('#list li').length >= 5);
  const bar = page.locator('#timeline rect.bar').last();
  await bar.click();
  await page.waitForSelector('#clear-brush:not([hidden])');
  const brushed = await page.locator('#list li').count();
  assert.ok(brushed >= 1 && brushed < all, `brushed ${brushed} of ${all}`);
  await page.click('#clear-brush');

  // Screenshot for the README: the map with a disputed incident open.
  await page.locator('#list li', { hasText: 'Verin Shorzha' }).first().click();
  await page.waitForSelector('#detail .claim mark.evidence');
  await page.waitForTimeout(300);
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot, type: 'png' });

  assert.deepEqual(problems, [], 'no errors, no CSP violations, no outside requests');
  console.log(`e2e: page ok (${all} incidents, ${am} after filter, ${claims} claim(s), ${marks.length} evidence mark(s), ${brushed} in the brushed day); screenshot ${shot}`);
} finally {
  await context.close();
}
