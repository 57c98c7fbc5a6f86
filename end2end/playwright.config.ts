import { defineConfig } from '@playwright/test';
import * as path from 'node:path';

// scripts/test builds the site, picks a free loopback port and a fresh data folder, and passes
// them here; the server is the real binary, started by Playwright and stopped after the run.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = path.resolve(__dirname, '..');
const serverBin = process.env.E2E_SERVER_BIN ?? path.join(repoRoot, 'target/debug/server');
const dataDir = process.env.E2E_DATA_DIR ?? path.join(__dirname, '.cache/data');

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL,
    locale: 'fr-LU',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Every page must work without JavaScript (plain HTML forms), and better with it.
    { name: 'javascript', use: { javaScriptEnabled: true } },
    { name: 'no-javascript', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: serverBin,
    cwd: repoRoot,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ALARMIS_BIND_ADDR: `127.0.0.1:${port}`,
      ALARMIS_PUBLIC_URL: baseURL,
      ALARMIS_DATA_DIR: dataDir,
      LEPTOS_SITE_ROOT: process.env.E2E_SITE_ROOT ?? path.join(repoRoot, 'target/site'),
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
    },
  },
});
