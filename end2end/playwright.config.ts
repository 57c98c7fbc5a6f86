import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';

// scripts/test builds the site, picks a free loopback port and a fresh data folder, and passes
// them here; the server is the real binary, started by Playwright and stopped after the run.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = path.resolve(__dirname, '..');
const serverBin = process.env.E2E_SERVER_BIN ?? path.join(repoRoot, 'target/debug/server');
const dataDir = process.env.E2E_DATA_DIR ?? path.join(__dirname, '.cache/data');
// The interoperability pair: oidc-provider, and a second portal that signs in with it.
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3101);
const interopPort = Number(process.env.E2E_INTEROP_PORT ?? 3102);
const interopURL = `http://127.0.0.1:${interopPort}`;
const siteRoot = process.env.E2E_SITE_ROOT ?? path.join(repoRoot, 'target/site');
// A real SMTP server (Python's aiosmtpd, from scripts/setup) that keeps every mail in a maildir.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3103);
const python = process.env.E2E_PYTHON ?? path.join(os.homedir(), '.cache/alarmis/tools/py/bin/python');
const maildir = path.join(dataDir, 'mail');

/** The portal binary with the settings every instance shares. */
function portal(port: number, data: string, identity: Record<string, string>) {
  const url = `http://127.0.0.1:${port}`;
  return {
    command: serverBin,
    cwd: repoRoot,
    url: `${url}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      ALARMIS_BIND_ADDR: `127.0.0.1:${port}`,
      ALARMIS_PUBLIC_URL: url,
      ALARMIS_DATA_DIR: data,
      LEPTOS_SITE_ROOT: siteRoot,
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
      ...identity,
    },
  };
}

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
  webServer: [
    // The portal with its built-in development identity provider, as `make run` starts it.
    {
      command: `"${python}" -m aiosmtpd -n -l 127.0.0.1:${smtpPort} -c aiosmtpd.handlers.Mailbox "${maildir}"`,
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    portal(port, dataDir, {
      ALARMIS_DEV_IDP: 'on',
      ALARMIS_AGENT_SUBJECTS: 'dev-agent-claude-muller',
      ALARMIS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ALARMIS_MAIL_FROM: 'ALARMIS <no-reply@alarmis.test>',
    }),
    {
      command: 'node interop/oidc-provider.mjs',
      cwd: __dirname,
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { OIDC_PORT: String(oidcPort), PORTAL_URL: interopURL },
    },
    portal(interopPort, path.join(dataDir, 'interop'), {
      ALARMIS_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
      ALARMIS_OIDC_CLIENT_SECRET: 'interop-secret',
    }),
  ],
});
