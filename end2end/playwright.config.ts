import { defineConfig } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
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
// E2E_MODE=multi (scripts/test's second run): the portal is two server processes on one
// PostgreSQL database and one document folder, behind nginx at E2E_PORT, round robin.
const multi = process.env.E2E_MODE === 'multi';
const processPorts = (process.env.E2E_PROCESS_PORTS ?? '3104 3105').split(' ').map(Number);
const databaseURL = process.env.E2E_DATABASE_URL;

/** The portal binary with the settings every instance shares; `url` is where people reach it
 *  (the load balancer's address when several processes serve it). */
function portal(port: number, data: string, identity: Record<string, string>, url = `http://127.0.0.1:${port}`) {
  return {
    command: serverBin,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/healthz`,
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
      // Every test signs in from 127.0.0.1: the default limit per address (40 in 10 minutes)
      // would stop the suite. The limit itself is tested in server/tests/hardening.rs.
      ALARMIS_LIMIT_SIGN_INS: '100000',
      ...identity,
    },
  };
}

/** The portal people use in the tests: built-in provider, one police agent, mails to aiosmtpd. */
const mainPortal = {
  ALARMIS_DEV_IDP: 'on',
  ALARMIS_AGENT_SUBJECTS: 'dev-agent-claude-muller',
  ALARMIS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  ALARMIS_MAIL_FROM: 'ALARMIS <no-reply@alarmis.test>',
  // Due dates and reminders count from a day the tests move forward (POST /dev/horloge).
  ALARMIS_TEST_CLOCK: 'on',
};

/** Two portal processes sharing PostgreSQL and the data folder, then nginx in front of them.
 *  Started in this order (Playwright waits for each): the first applies the migrations. */
function behindNginx() {
  if (!databaseURL) throw new Error('E2E_MODE=multi needs E2E_DATABASE_URL (a PostgreSQL database)');
  const shared = { ...mainPortal, DATABASE_URL: databaseURL, ALARMIS_TRUSTED_PROXIES: '127.0.0.1' };
  const nginxDir = path.join(dataDir, 'nginx');
  mkdirSync(nginxDir, { recursive: true });
  const config = path.join(nginxDir, 'nginx.conf');
  writeFileSync(config, nginxConfig(nginxDir));
  return [
    ...processPorts.map((p) => portal(p, dataDir, shared, baseURL)),
    {
      command: `nginx -p "${nginxDir}" -c "${config}" -e "${nginxDir}/error.log"`,
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  ];
}

/** Round robin (nginx's default) over the two processes, counted apart for writes (POST) and
 *  for reads: one counter for both would pair each form post with its redirect's page, so that
 *  a walk of post, page, post, page sends every post to the same process. Each response names
 *  the process that served it (X-Upstream), so a test can see the requests alternate. */
function nginxConfig(dir: string) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return `${root ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 40m;
  upstream portal_reads {
${processPorts.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
  }
  upstream portal_writes {
${processPorts.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
  }
  map $request_method $portal {
    POST portal_writes;
    default portal_reads;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://$portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_RESULTS ?? 'test-results/results.json' }]],
  outputDir: multi ? 'test-results/multi' : 'test-results/single',
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
    { name: 'javascript', use: { javaScriptEnabled: true }, testIgnore: /clock\.spec\.ts/ },
    { name: 'no-javascript', use: { javaScriptEnabled: false }, testIgnore: /clock\.spec\.ts/ },
    // The tests that move the portal's test clock, once everything else is done.
    { name: 'clock', use: { javaScriptEnabled: true }, testMatch: /clock\.spec\.ts/, dependencies: ['javascript', 'no-javascript'] },
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
    ...(multi ? behindNginx() : [portal(port, dataDir, mainPortal)]),
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
