import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { puppeteerCore } from '@web/test-runner-chrome';

/*
 * One first load of a page in headless Chromium, cache off: the bytes it
 * took on the wire and when its first form field could take focus.
 */

type Browser = Awaited<ReturnType<typeof puppeteerCore.launch>>;

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a profile of its own that is removed on close. */
export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'ponte-bench-chromium-'));
  const browser = await puppeteerCore.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Only the servers of the benchmark answer: a page's requests to the
      // Internet (SurveyJS's stylesheet names Google's fonts) fail at once
      // rather than wait on a network a benchmark must not depend on.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where a page's form fields are: in an element's shadow root (Ponte's widgets), or under an element of the page (the peers). */
export type FieldsIn = { shadowHost: string } | { container: string };

export interface PageLoad {
  /** the sum of every response's encoded size (CDP Network.loadingFinished encodedDataLength), headers included */
  bytes: number;
  /** of which the responses' headers (what had come when each response began: CDP Network.responseReceived) */
  headerBytes: number;
  /** from the start of the navigation to the first input, select or textarea that could take focus */
  firstFieldMs: number;
  requests: { url: string; bytes: number }[];
}

/** How long the network must stay quiet, once the field is there, for the load to be over (lazy chunks, late calls). */
const QUIET_MS = 500;
const TIMEOUT_MS = 20_000;

/**
 * Polls, from the document's first script on, for the first field that could
 * take focus (enabled, rendered, visible, in the tab order), and keeps its
 * time (performance.now(): from the navigation's start) in
 * window.__firstFieldMs. It does not focus it: a focus is an interaction,
 * which the pages answer (Ponte fetches its validator on the first one).
 * Runs in the page; a string, not a function, because the TypeScript loader
 * decorates functions with helpers the page does not have.
 */
const pollFirstField = (fieldsIn: FieldsIn) => `(() => {
  const fieldsIn = ${JSON.stringify(fieldsIn)};
  const focusable = (field) =>
    !field.disabled && field.type !== 'hidden' && field.tabIndex >= 0 && field.getClientRects().length > 0 && field.checkVisibility({ visibilityProperty: true });
  const found = () => {
    const root = fieldsIn.shadowHost ? document.querySelector(fieldsIn.shadowHost)?.shadowRoot : document.querySelector(fieldsIn.container);
    return [...(root?.querySelectorAll('input, select, textarea') ?? [])].some(focusable);
  };
  const timer = setInterval(() => {
    if (!found()) return;
    window.__firstFieldMs = performance.now();
    clearInterval(timer);
  }, 5);
})();`;

/** Loads `url` in a fresh browser context, cache off, and measures it. */
export async function measurePageLoad(browser: Browser, url: string, fieldsIn: FieldsIn): Promise<PageLoad> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map<string, string>();
    const inFlight = new Set<string>();
    const requests: { url: string; bytes: number }[] = [];
    let headerBytes = 0;
    let lastActivity = performance.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      urls.set(e.requestId, e.request.url);
      inFlight.add(e.requestId);
      lastActivity = performance.now();
    });
    cdp.on('Network.responseReceived', (e) => {
      headerBytes += e.response.encodedDataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      requests.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength });
      inFlight.delete(e.requestId);
      lastActivity = performance.now();
    });
    cdp.on('Network.loadingFailed', (e) => {
      inFlight.delete(e.requestId);
      lastActivity = performance.now();
    });
    await page.evaluateOnNewDocument(pollFirstField(fieldsIn));

    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT_MS });
    await page.waitForFunction('window.__firstFieldMs !== undefined', { timeout: TIMEOUT_MS, polling: 50 });
    const firstFieldMs = (await page.evaluate('window.__firstFieldMs')) as number;
    const deadline = performance.now() + TIMEOUT_MS;
    while (inFlight.size > 0 || performance.now() - lastActivity < QUIET_MS) {
      if (performance.now() > deadline) throw new Error(`${url}: the network did not settle (${[...inFlight].map((id) => urls.get(id)).join(', ')})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { bytes: requests.reduce((n, r) => n + r.bytes, 0), headerBytes, firstFieldMs, requests };
  } finally {
    await context.close();
  }
}
