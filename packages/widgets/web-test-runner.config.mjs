// Browser tests of the widgets (`npm run test:browser`): web-test-runner in
// Debian's Chromium, against a real Ponte server started here on a fresh
// SQLite file with the demo Ambito seeded. Tests find it in window.PONTE_TEST.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { freePort, startPonteProcess } from '../../scripts/ponte-process.mjs';

const widgets = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

const testPort = await freePort();
const testOrigin = `http://127.0.0.1:${testPort}`;
// The test page is another origin than the API: the server counts it as its
// own, so the demo keys are accepted from it. Stopped when the run ends.
const ponte = await startPonteProcess({ env: { PONTE_CORS_ORIGINS: testOrigin } });

/** What tests read: where the server is, and the demo's keys and password. */
const PONTE_TEST = {
  api: ponte.url,
  keys: { school: 'pk_demo_manzoni', otherSchool: 'pk_demo_rodari', service: 'pk_demo_servizi' },
  password: 'ponte-demo-2026',
};

export default {
  rootDir: root,
  hostname: '127.0.0.1',
  port: testPort,
  files: [`${widgets}src/**/*.test.ts`, `${widgets}test/**/*.test.ts`, `${root}examples/console/test/**/*.test.ts`],
  // "ponte-source" reads @ponte/forms and @ponte/sdk from their TypeScript
  // sources; "development" gives Lit's dev build, with its warnings.
  nodeResolve: { exportConditions: ['ponte-source', 'browser', 'development'] },
  browsers: [
    chromeLauncher({
      launchOptions: {
        // NOTE: a test tool's own browser download cannot work on these
        // machines (.ci/run installs Debian's chromium instead);
        // --no-sandbox is required when running as root.
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="it">
  <head><meta charset="utf-8"><script>window.PONTE_TEST = ${JSON.stringify(PONTE_TEST)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  // Lit's dev build says so once per test file; its other warnings stay.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // End-to-end tests wait for a real server: mocha's 2 s default is too short.
  testFramework: { config: { timeout: 15_000 } },
  testsFinishTimeout: 180_000,
  plugins: [
    // Without the tsconfig (experimentalDecorators, useDefineForClassFields:
    // false), Lit's decorators fail in the browser.
    esbuildPlugin({ ts: true, tsconfig: join(widgets, 'tsconfig.json') }),
    // sendKeys, sendMouse, setViewport and emulateMedia are built in; a11ySnapshot is not.
    a11ySnapshotPlugin(),
    {
      name: 'ponte-server',
      serverStop: () => ponte.stop(),
    },
    // executeServerCommand('emulate-timezone', 'America/New_York'): the page in
    // another zone than the tenant's, for the mediator calendar's tests, which
    // set it back after (the runner reuses pages across files).
    {
      name: 'ponte-timezone',
      executeCommand: ({ command, payload, session }) =>
        command === 'emulate-timezone' ? session.browser.getPage(session.id).emulateTimezone(payload).then(() => true) : undefined,
    },
  ],
};
