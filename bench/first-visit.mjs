// What a first visit to a page downloads, as Chromium counts it (Resource Timing: bytes on the
// wire with headers, compressed body, body once decompressed), with an empty cache.
// Usage: node bench/first-visit.mjs <base URL> [path]
import { createRequire } from 'node:module';
const require = createRequire(new URL('../end2end/package.json', import.meta.url));
const { chromium } = require('playwright');

const [base, path = '/'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ locale: 'fr-LU' });
await page.goto(new URL(path, base).href);
await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 15000 });
const entries = await page.evaluate(() =>
  [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
    name: new URL(e.name).pathname, wire: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize,
  })));
await browser.close();
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(12);
console.log('file'.padEnd(28) + 'on the wire'.padStart(12) + 'body'.padStart(12) + 'decoded'.padStart(12));
const total = { wire: 0, body: 0, decoded: 0 };
for (const e of entries) {
  console.log(e.name.slice(0, 27).padEnd(28) + kib(e.wire) + kib(e.body) + kib(e.decoded));
  for (const k of Object.keys(total)) total[k] += e[k];
}
console.log('total'.padEnd(28) + kib(total.wire) + kib(total.body) + kib(total.decoded));
