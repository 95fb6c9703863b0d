#!/usr/bin/env node
// Screenshots of the example sites and of every widget, to look at before a
// change to the widgets or the examples is called done (`npm run screenshots`).
// Builds nothing: it serves the widgets already built in packages/widgets/dist
// (`npm run build:widgets`) from a Ponte server started on a fresh demo
// database, and writes PNGs to screenshots/ at 1280 px and 390 px wide.
// Alongside, it prints what a reviewer would want to know about each page:
// console errors, failed requests, and axe-core's accessibility violations.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { puppeteerCore as puppeteer } from '@web/test-runner-chrome';
import { startPonteProcess } from './ponte-process.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'screenshots');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const VIEWPORTS = [
  { name: '1280', width: 1280, height: 900 },
  { name: '390', width: 390, height: 844 },
];
const PAGES = ['school-site', 'municipal-portal'];
/** Each widget alone, with the credentials it needs: a school's key, a service's, or a mediator's token. */
const WIDGETS = [
  { tag: 'ponte-school-request', key: 'pk_demo_manzoni' },
  { tag: 'ponte-school-questionnaire', key: 'pk_demo_manzoni' },
  { tag: 'ponte-service-request', key: 'pk_demo_servizi' },
  { tag: 'ponte-ethnoclinical-request', key: 'pk_demo_servizi' },
  // Reports are filed against a session already held: one booked for each (heldSessions).
  { tag: 'ponte-school-report', staff: 'amina.elidrissi@demo.ponte.test', session: 'school' },
  { tag: 'ponte-service-report', staff: 'amina.elidrissi@demo.ponte.test', session: 'service' },
  { tag: 'ponte-request-status' },
  { tag: 'ponte-booking', key: 'pk_demo_servizi' },
  { tag: 'ponte-mediator-calendar', staff: 'amina.elidrissi@demo.ponte.test' },
];

if (!existsSync(join(root, 'packages/widgets/dist/ponte.js'))) {
  console.error('No widget build: run `npm run build:widgets` first.');
  process.exit(1);
}
if (!existsSync(join(root, 'examples/console/console.js'))) {
  console.error('No console build: run `npm run build:console` first.');
  process.exit(1);
}
mkdirSync(join(out, 'widgets'), { recursive: true });

// The demo as `npm start` has it, requests at every step included: what the console's views show.
const ponte = await startPonteProcess({ demoActivity: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  // NOTE: native date and time inputs follow the browser's own locale, not
  // <html lang>; Debian's Chromium without chromium-l10n only has en-US, so
  // they read mm/dd/yyyy here where an Italian user's browser shows gg/mm/aaaa.
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});

async function signIn(email) {
  return (await trpc('auth.signIn', { email, password: 'ponte-demo-2026' })).token;
}

/** One call of the API, as the SDK makes it: a query is a GET, anything else a POST. */
async function trpc(path, input, { token, key, query = false } = {}) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'x-ponte-key': key } : {}) };
  const url = `${ponte.url}/trpc/${path}${query && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`;
  const res = await fetch(url, query ? { headers } : { method: 'POST', headers, body: JSON.stringify(input) });
  const body = await res.json();
  if (!res.ok) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
  return body.result.data;
}

/**
 * Two of Amina's sessions held three days ago, one at the school and one at the social service, for the
 * report widgets (and the console's mediator view); before the demo's own session with her, yesterday.
 */
async function heldSessions() {
  const coordinator = await signIn('coordinatrice@demo.ponte.test');
  const { id: mediatorId } = (await trpc('mediators.list', {}, { token: coordinator, query: true })).find((m) => m.displayName === 'Amina El Idrissi');
  const orgs = await trpc('organisations.list', undefined, { token: coordinator, query: true });
  const start = Math.floor((Date.now() - 72 * 3_600_000) / 3_600_000) * 3_600_000;
  const session = async (kind, hoursLater) => {
    const org = orgs.find((o) => o.kind === kind);
    const at = new Date(start + hoursLater * 3_600_000).toISOString();
    const booking = { mediatorId, organisationId: org.id, action: kind === 'school' ? '1' : '2', start: at, durationMinutes: 60, mode: 'video', override: true, overrideReason: 'screenshots' };
    return (await trpc('scheduling.book', booking, { token: coordinator })).appointments[0].id;
  };
  return { school: await session('school', 0), service: await session('service', 2) };
}

/** The school year of today in Rome ('2026/27'): a school year starts on 1 September. */
function currentSchoolYear() {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date()).split('-').map(Number);
  const start = month >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The two demo schools' questionnaires of this school year, for the console's Indicatori view to add up. */
async function questionnaireAnswers() {
  const schoolYear = currentSchoolYear();
  const levels = (rows) => rows.map(([level, enrolled, cni, cniBornInItaly, nai]) => ({ level, enrolled, cni, cniBornInItaly, nai }));
  const answers = [
    ['pk_demo_manzoni', 'COIC81200D', {
      levels: ['primaria', 'secondaria-1'], sites: 2, respondentRole: 'referente-intercultura',
      pupilsByLevel: levels([['primaria', 410, 121, 92, 9], ['secondaria-1', 290, 80, 51, 7]]),
      mainCitizenships: [{ country: 'MA', pupils: 62 }, { country: 'EG', pupils: 40 }, { country: 'RO', pupils: 30 }],
      receptionProtocol: true, receptionProtocolYear: 2019, interculturalCommittee: true, l2Workshops: true, l2Hours: 240, translatedMaterials: false,
      mediationHours: 86.5, languagesRequested: [{ code: 'ara', variety: 'Darija' }, { code: 'zho' }], interventionTypes: ['prima-accoglienza-nai', 'colloquio-scuola-famiglia'],
      uncoveredLanguages: [{ code: 'ben', variety: 'Sylheti' }], familyParticipation: 3, familyBarriers: ['lingua', 'orari-lavoro'],
      projectRating: { naiReception: 5, familyMeetings: 5, schoolGuidance: 4, mediatorQuality: 5, requestEase: 3, activationSpeed: 'dontKnow', interculturalWorkshops: 4 },
      comments: 'Mediazione preziosa nei colloqui di inizio anno.',
    }],
    ['pk_demo_rodari', 'COIC82300V', {
      levels: ['infanzia', 'primaria'], sites: 3, respondentRole: 'dirigente',
      pupilsByLevel: levels([['infanzia', 120, 38, 33, 2], ['primaria', 350, 90, 70, 6]]),
      mainCitizenships: [{ country: 'MA', pupils: 30 }, { country: 'AL', pupils: 25 }, { country: 'CN', pupils: 22 }],
      receptionProtocol: true, receptionProtocolYear: 2021, interculturalCommittee: false, l2Workshops: true, l2Hours: 120, translatedMaterials: true, translatedLanguages: [{ code: 'ara' }, { code: 'sqi' }],
      mediationHours: 40, languagesRequested: [{ code: 'ara', variety: 'Darija' }, { code: 'sqi' }], interventionTypes: ['colloquio-scuola-famiglia', 'orientamento'],
      familyParticipation: 2, familyBarriers: ['lingua', 'strumenti-digitali'],
      projectRating: { naiReception: 4, familyMeetings: 5, schoolGuidance: 3, mediatorQuality: 4, requestEase: 4, activationSpeed: 3, interculturalWorkshops: 'dontKnow' },
      comments: 'Servirebbero più ore per la scuola dell’infanzia.',
    }],
  ];
  for (const [key, mechanographicCode, data] of answers) {
    const school = (await trpc('organisations.current', undefined, { key, query: true })).id;
    const respondentEmail = `intercultura@${mechanographicCode.toLowerCase()}.edu.it`;
    await trpc('submissions.submit', { formId: 'school-questionnaire', version: 1, data: { schoolYear, school, mechanographicCode, respondentEmail, ...data } }, { key });
  }
}

/** This quarter's narrative of the fund's monitoring sheet, written, for the Indicatori view's last section. */
async function quarterNarrative() {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date()).split('-').map(Number);
  await trpc('indicators.saveNarrative', {
    year,
    quarter: Math.ceil(month / 3),
    activities: 'Prima accoglienza di 14 alunni neo-arrivati in due istituti comprensivi; 32 colloqui scuola-famiglia in arabo, cinese e albanese; traduzione del patto di corresponsabilità in quattro lingue.',
    strengths: 'Richieste arrivate per tempo grazie ai referenti per l’intercultura; mediatori stabili sulle stesse scuole.',
    deviations: 'Laboratori interculturali rinviati al trimestre successivo per la chiusura delle scuole durante le festività.',
    problems: 'Pochi mediatori per il bengalese (sylheti): attivata una collaborazione con l’Ambito vicino.',
    networks: 'Tavolo con i servizi sociali del Comune, il CPIA e due associazioni di famiglie migranti.',
  }, { token: await signIn('coordinatrice@demo.ponte.test') });
}

/** Opens a page and collects what went wrong on it. */
async function open(url, viewport) {
  const page = await browser.newPage();
  await page.setViewport({ width: viewport.width, height: viewport.height });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems };
}

/** Waits until every ponte-* element has rendered and fetched what it needs. */
async function settle(page) {
  await page.evaluate(async () => {
    const elements = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('ponte-'));
    await Promise.all(elements.map((e) => customElements.whenDefined(e.localName)));
    await Promise.all(elements.map((e) => e.updateComplete));
  });
  await page.waitForNetworkIdle({ idleTime: 300 });
  await page.evaluate(() => document.fonts.ready);
}

async function axe(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `axe ${v.impact}: ${v.id} (${v.nodes.length}×) ${v.help} — ${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join('; ')}`);
}

const report = [];
const note = (name, problems) => report.push(problems.length ? `${name}:\n  ${problems.join('\n  ')}` : `${name}: nothing to report`);

try {
  for (const viewport of VIEWPORTS) {
    for (const site of PAGES) {
      const { page, problems } = await open(`${ponte.url}/examples/${site}/`, viewport);
      await settle(page);
      const file = join(out, `${site}-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (viewport.name === '1280') problems.push(...(await axe(page)));
      note(file.slice(root.length), problems);
      await page.close();
    }
  }

  const sessions = await heldSessions();
  const tokens = new Map();
  for (const widget of WIDGETS) {
    if (widget.staff && !tokens.has(widget.staff)) tokens.set(widget.staff, await signIn(widget.staff));
  }
  for (const viewport of VIEWPORTS) {
    for (const widget of WIDGETS) {
      // The school site's page, its content replaced by the one widget: the
      // site's theme and ponte.js stay, so the widget looks as it would there.
      const { page, problems } = await open(`${ponte.url}/examples/school-site/`, viewport);
      await page.evaluate(
        (tag, key, token, appointmentId) => {
          const main = document.querySelector('main');
          main.replaceChildren();
          const h1 = document.createElement('h1');
          h1.textContent = tag;
          const el = document.createElement(tag);
          if (key) el.setAttribute('publishable-key', key);
          if (appointmentId) el.setAttribute('appointment-id', appointmentId);
          if (token) el.token = token;
          main.append(h1, el);
        },
        widget.tag,
        widget.key ?? null,
        tokens.get(widget.staff) ?? null,
        widget.session ? sessions[widget.session] : null,
      );
      await settle(page);
      const element = await page.$(`main > ${widget.tag}`);
      const file = join(out, 'widgets', `${widget.tag}-${viewport.name}.png`);
      await element.screenshot({ path: file });
      if (viewport.name === '1280') {
        problems.push(...(await axe(page)));
        // The error state: what a user sees after pressing on with nothing filled in.
        const valid = await page.evaluate((tag) => document.querySelector(tag).reportValidity?.(), widget.tag);
        await settle(page);
        const errorsFile = join(out, 'widgets', `${widget.tag}-errors-${viewport.name}.png`);
        await element.screenshot({ path: errorsFile });
        problems.push(...(await axe(page)).map((p) => `(error state) ${p}`));
        if (valid === true) problems.push('reportValidity() answered true with nothing filled in');
      }
      note(file.slice(root.length), problems);
      await page.close();
    }
  }

  // A.2's people reached (version 2's rows: the person's code, whether the citizenship is known, every
  // citizenship), filled as a mediator would: the report's answers set and its fourth step shown, the
  // steps before it being the session's, the activity's and who was present.
  for (const viewport of VIEWPORTS) {
    const { page, problems } = await open(`${ponte.url}/examples/school-site/`, viewport);
    await page.evaluate(
      (token, appointmentId) => {
        const main = document.querySelector('main');
        main.replaceChildren();
        const h1 = document.createElement('h1');
        h1.textContent = 'ponte-school-report';
        const el = document.createElement('ponte-school-report');
        el.setAttribute('appointment-id', appointmentId);
        el.token = token;
        main.append(h1, el);
      },
      tokens.get('amina.elidrissi@demo.ponte.test'),
      sessions.school,
    );
    await settle(page);
    await page.evaluate(() => {
      const el = document.querySelector('ponte-school-report');
      el.data = {
        ...el.data,
        status: 'svolto',
        beneficiaries: [
          { code: 'REG-2025-014', sex: 'maschio', ageBand: '6-10', citizenshipStatus: 'nota', citizenships: ['MA'] },
          { code: 'FAM-014-P', sex: 'maschio', ageBand: '18+', citizenshipStatus: 'nota', citizenships: ['MA', 'IT'] },
          { code: 'FAM-014-M', sex: 'femmina', ageBand: '18+', citizenshipStatus: 'apolide' },
        ],
      };
      el.step = 3;
    });
    await settle(page);
    const file = join(out, 'widgets', `ponte-school-report-people-${viewport.name}.png`);
    await (await page.$('main > ponte-school-report')).screenshot({ path: file });
    if (viewport.name === '1280') problems.push(...(await axe(page)));
    note(file.slice(root.length), problems);
    await page.close();
  }

  // Right to left, and the status checker's result (its values in one column).
  {
    const { page, problems } = await open(`${ponte.url}/examples/school-site/`, VIEWPORTS[0]);
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      const main = document.querySelector('main');
      main.replaceChildren();
      const el = document.createElement('ponte-school-request');
      el.setAttribute('publishable-key', 'pk_demo_manzoni');
      main.append(el);
    });
    await settle(page);
    // NOTE: an element screenshot in a right-to-left document clips at the
    // wrong x (the scroll origin is on the right) and comes out blank: take the page.
    await page.screenshot({ path: join(out, 'widgets', 'ponte-school-request-rtl-1280.png'), fullPage: true });
    await page.evaluate(() => document.querySelector('ponte-school-request').reportValidity());
    await settle(page);
    await page.screenshot({ path: join(out, 'widgets', 'ponte-school-request-rtl-errors-1280.png'), fullPage: true });
    note('rtl', problems);
    await page.close();
  }

  // The A.1 language list open on the school site, at both widths, and near
  // the bottom of the window: the list must hang right under its input, or
  // sit right above it when there is no room below (internal/popover.ts).
  for (const [name, viewport, block] of [
    ['1280', VIEWPORTS[0], 'center'],
    ['390', VIEWPORTS[1], 'center'],
    ['above-1280', VIEWPORTS[0], 'end'],
  ]) {
    const { page, problems } = await open(`${ponte.url}/examples/school-site/`, viewport);
    // A draft at the language step, offered back by the form and resumed: the
    // fourth step when nothing is answered (the pupil's step is then hidden).
    const draft = { data: {}, step: 3, idempotencyKey: 'screenshots', savedAt: new Date().toISOString() };
    await page.evaluate((d) => localStorage.setItem('ponte.draft.school-request.v1.pk_demo_manzoni', JSON.stringify(d)), draft);
    await page.reload({ waitUntil: 'networkidle0' });
    await settle(page);
    const inForm = (selector) => page.evaluateHandle((s) => document.querySelector('ponte-school-request').shadowRoot.querySelector(s), selector);
    await (await inForm('.draft button')).click();
    await settle(page);
    const input = await inForm('#f-language');
    await input.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
    await input.click();
    await page.keyboard.type('ar');
    // Placed once the popover's chunk is in (fetched as the list first opens).
    await page.waitForNetworkIdle({ idleTime: 300 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [field, list] = await page.evaluate(() => {
      const root = document.querySelector('ponte-school-request').shadowRoot;
      return ['#f-language', '#f-language-list'].map((s) => root.querySelector(s).getBoundingClientRect().toJSON());
    });
    const gap = block === 'end' ? field.top - list.bottom : list.top - field.bottom;
    if (!(gap >= 0 && gap <= 8) || Math.abs(list.left - field.left) > 1) {
      problems.push(`the language list is not ${block === 'end' ? 'above' : 'under'} its input: input ${JSON.stringify(field)}, list ${JSON.stringify(list)}`);
    }
    await page.screenshot({ path: join(out, 'widgets', `ponte-school-request-language-list-${name}.png`) });
    note(`language list ${name}`, problems);
    await page.close();
  }

  // The booking widget through to its confirmation, at both widths.
  for (const viewport of VIEWPORTS) {
    const { page, problems } = await open(`${ponte.url}/examples/municipal-portal/#prenota`, viewport);
    await settle(page);
    const inWidget = (selector) => page.evaluateHandle((s) => document.querySelector('ponte-booking').shadowRoot.querySelector(s), selector);
    await page.evaluate(() => {
      const select = document.querySelector('ponte-booking').shadowRoot.querySelector('#language');
      select.value = 'ary';
      select.dispatchEvent(new Event('change'));
    });
    await (await inWidget('form[part=search] button[type=submit]')).click();
    await settle(page);
    await (await inWidget('input[name=slot]:nth-of-type(1)')).click();
    await settle(page);
    const element = await page.$('ponte-booking');
    await element.screenshot({ path: join(out, 'widgets', `ponte-booking-slots-${viewport.name}.png`) });
    if (viewport.name === '1280') problems.push(...(await axe(page)).map((p) => `(free times) ${p}`));
    await (await inWidget('#place')).type('Via Roma 1, stanza 3');
    await (await inWidget('form[part=confirm] button[type=submit]')).click();
    await settle(page);
    await element.screenshot({ path: join(out, 'widgets', `ponte-booking-confirmed-${viewport.name}.png`) });
    if (viewport.name === '1280') problems.push(...(await axe(page)).map((p) => `(confirmed) ${p}`));
    note(`booking ${viewport.name}`, problems);
    await page.close();
  }

  // The console (examples/console): sign-in, then each role's views.
  mkdirSync(join(out, 'console'), { recursive: true });
  // The demo's approved request, its suggested mediators ready to book.
  const queue = await trpc('requests.queue', { status: 'approved' }, { token: await signIn('coordinatrice@demo.ponte.test'), query: true });
  const pending = queue.items[0].id;
  await questionnaireAnswers();
  await quarterNarrative();
  const consoleViews = [
    { name: 'sign-in' },
    { name: 'queue', staff: 'coordinatrice@demo.ponte.test' },
    { name: 'request', staff: 'coordinatrice@demo.ponte.test', open: pending },
    { name: 'calendars', staff: 'coordinatrice@demo.ponte.test', tab: 'Calendari dei mediatori' },
    { name: 'budgets', staff: 'coordinatrice@demo.ponte.test', tab: 'Monte ore' },
    { name: 'indicators', staff: 'coordinatrice@demo.ponte.test', tab: 'Indicatori' },
    { name: 'mediator', staff: 'amina.elidrissi@demo.ponte.test' },
    { name: 'referent', staff: 'referente.manzoni@demo.ponte.test' },
  ];
  for (const view of consoleViews) {
    const token = view.staff ? await signIn(view.staff) : null;
    for (const viewport of VIEWPORTS) {
      const page = await browser.newPage();
      await page.setViewport({ width: viewport.width, height: viewport.height });
      // Signed in as the console keeps it: the token in sessionStorage.
      if (token) await page.evaluateOnNewDocument((t) => sessionStorage.setItem('ponte.console.token', t), token);
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
      await page.goto(`${ponte.url}/examples/console/`, { waitUntil: 'networkidle0' });
      await settle(page);
      const press = (text, scope = 'ponte-console') =>
        page.evaluate(
          (t, s) => [...document.querySelector(s).querySelectorAll('button')].find((b) => b.textContent.includes(t)).click(),
          text,
          scope,
        );
      if (view.tab) await press(view.tab);
      // Indicatori: once Chart.js's chunk is in and every chart has sized its canvas.
      if (view.name === 'indicators') {
        await page.waitForFunction(() => {
          const figures = document.querySelectorAll('ponte-console-chart-figure canvas');
          const sections = document.querySelectorAll('.indicators-section[data-state=ready]');
          return sections.length === 5 && figures.length >= 4 && [...figures].every((c) => c.style.width);
        }, { timeout: 15_000 });
      }
      if (view.open) {
        await page.waitForFunction(() => document.querySelector('ponte-console-queue tbody tr'));
        const { protocol } = await trpc('requests.get', { id: view.open }, { token, query: true });
        await press(protocol, 'ponte-console-queue');
        await page.waitForFunction(() => document.querySelector('.suggestion-list li'));
      }
      if (view.name === 'mediator') await press('Compila il report');
      if (view.name === 'referent') await press('Leggi e controfirma');
      await settle(page);
      await new Promise((r) => setTimeout(r, 300));
      await settle(page);
      const file = join(out, 'console', `${view.name}-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // The Indicatori page is long: each section of it alone too, to look at closely.
      if (view.name === 'indicators') {
        for (const section of ['beneficiaries', 'reach', 'narrative']) {
          await (await page.$(`ponte-console-${section}`)).screenshot({ path: join(out, 'console', `indicators-${section}-${viewport.name}.png`) });
        }
      }
      if (viewport.name === '1280') problems.push(...(await axe(page)));
      note(file.slice(root.length), problems);
      await page.close();
    }
  }
} finally {
  await browser.close();
  ponte.stop();
}

console.log(`Screenshots in ${out}\n\n${report.join('\n')}`);
