/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { SAMPLE_SUBMISSIONS } from '@ponte/forms';
import { createPonteClient, describeError, type PonteClient, type PonteOutputs } from '@ponte/sdk';
import '../src/ponte-console.js';
import type { PonteConsole } from '../src/ponte-console.js';
import { localParts } from '../src/format.js';
import { calendarYears, schoolYearOf, today } from '../src/period.js';
import { heldStart } from '../../../packages/widgets/src/internal/testing/held-start.js';
import { dateKeys, until } from '../../../packages/widgets/src/internal/testing/keyboard.js';
import { ponteTest } from '../../../packages/widgets/test/ponte-test.js';
import { activate, choose, find, press, type } from './console-keyboard.js';

/*
 * The rest of the Indicatori view (examples/console/src/indicators-view.ts):
 * the fund's beneficiaries, whom the period reached and the demand by
 * language, the questionnaire's file and the quarter's narrative, in a real
 * Chromium against the run's server. This suite makes its own request in
 * Ukrainian, held with Olena Kovalenko (whom no other suite books in the
 * past), reported with people of every FAMI status and countersigned with a
 * rating; other suites share the server and may add theirs while a figure is
 * read, so a figure is compared only with an answer that stood still across
 * the page's own read (`steady`), never with numbers written here.
 */

type Beneficiaries = PonteOutputs['indicators']['beneficiaries'];
type Reach = PonteOutputs['indicators']['reach'];
type PeriodInput = { from: string; to: string; language?: string; mode?: 'in_person' | 'phone' | 'video' };
type Table = Record<string, Record<string, number>>;

const ROME = 'Europe/Rome';
const romeDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ROME }).format(new Date(ms));
const romeTime = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
const DAY = 86_400_000;
const TOKEN_KEY = 'ponte.console.token';

async function signIn(email: string): Promise<string> {
  const { api: url, password } = ponteTest();
  return (await createPonteClient({ url }).auth.signIn.mutate({ email, password })).token;
}

async function staff(email: string): Promise<PonteClient> {
  return createPonteClient({ url: ponteTest().api, token: await signIn(email) });
}

/** A setup call's refusal with the fields it names, so a failing suite says what the server refused. */
async function made<T>(what: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const { message, fieldErrors } = describeError(error, 'it');
    throw new Error(`${what}: ${message} ${JSON.stringify(fieldErrors)}`);
  }
}

/** A number as the page writes it: "1.234", "4,5 su 5", "1,5 h" (then in minutes); "—" is null. */
function figure(text: string | null | undefined): number | null {
  const t = (text ?? '').trim().replace(/ su 5$/, '');
  if (t === '—') return null;
  const n = Number(t.replace(/ h$/, '').replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(n) || t === '') throw new Error(`not a figure: “${t}”`);
  return t.endsWith(' h') ? Math.round(n * 60) : n;
}

/** A figure's table as { row key: { column key: value } }, totals under 'totals'. */
function readTable(root: ParentNode, id: string): Table {
  const table = root.querySelector(`table[data-figure="${id}"]`);
  if (!table) return {};
  return Object.fromEntries(
    [...table.querySelectorAll('tr[data-row]')].map((tr) => [
      tr.getAttribute('data-row')!,
      Object.fromEntries([...tr.querySelectorAll('td[data-column]')].map((td) => [td.getAttribute('data-column')!, figure(td.textContent)!])),
    ]),
  );
}

/** A section's headline figures as { key: value }. */
function readKeyFigures(section: Element): Record<string, number | null> {
  return Object.fromEntries([...section.querySelectorAll('dd[data-figure]')].map((dd) => [dd.getAttribute('data-figure')!, figure(dd.textContent)]));
}

/** Adds `n` to `table[row][column]`. */
function add(table: Table, row: string, column: string, n: number): void {
  table[row] ??= {};
  table[row]![column] = (table[row]![column] ?? 0) + n;
}

/** What the beneficiaries section must show for an answer of indicators.beneficiaries. */
function expectedBeneficiaries(b: Beneficiaries) {
  const sexes = ['F', 'M', 'X', ...(b.groups.some((g) => g.sex === null) ? ['none'] : [])];
  const sexAge: Table = {};
  const citizenship: Table = {};
  for (const g of b.groups) {
    for (const s of sexes) add(sexAge, g.ageBand ?? 'none', s, 0);
    add(sexAge, g.ageBand ?? 'none', g.sex ?? 'none', g.people);
    add(citizenship, g.status === 'stateless' ? 'stateless' : (g.citizenship ?? 'none'), 'people', g.people);
  }
  const totals = (t: Table) => {
    const sum: Record<string, number> = {};
    for (const row of Object.values(t)) for (const [k, v] of Object.entries(row)) sum[k] = (sum[k] ?? 0) + v;
    return Object.keys(t).length ? { ...t, totals: sum } : {};
  };
  return {
    figures: { counted: b.counted, eu: b.notCounted.eu, unknown: b.notCounted.unknown, countedWithoutCode: b.countedWithoutCode },
    sexAge: totals(sexAge),
    citizenship: totals(citizenship),
  };
}

function shownBeneficiaries(el: HTMLElement) {
  const section = el.querySelector('ponte-console-beneficiaries section')!;
  return { figures: readKeyFigures(section), sexAge: readTable(section, 'beneficiaries-sex-age'), citizenship: readTable(section, 'beneficiaries-citizenship') };
}

/** What the reach section must show for an answer of indicators.reach. */
function expectedReach(r: Reach) {
  const languages: Table = {};
  for (const l of r.languages) languages[l.language] = { requests: l.requests, booked: l.booked, held: l.held, unmet: l.requests - l.booked, mediators: l.mediators };
  if (r.languages.length) {
    const sum = (k: 'requests' | 'booked' | 'held') => r.languages.reduce((t, l) => t + l[k], 0);
    languages['totals'] = { requests: sum('requests'), booked: sum('booked'), held: sum('held'), unmet: sum('requests') - sum('booked') };
  }
  const s = r.satisfaction;
  const ratings: Table = s.ratings ? { ...Object.fromEntries(s.distribution.map((n, i) => [String(i + 1), { ratings: n }])), totals: { ratings: s.ratings } } : {};
  return {
    figures: {
      schools: r.involved.schools,
      sites: r.involved.sites,
      services: r.involved.services,
      families: r.families,
      presencesFamily: r.presences.family,
      presencesTeachers: r.presences.teachers,
      presencesOperators: r.presences.operators,
      received: r.requests.received,
      hoursAuthorised: r.requests.minutesAuthorised,
      unmet: r.languages.reduce((t, l) => t + l.requests - l.booked, 0),
      ratings: s.ratings,
      mean: s.mean,
    },
    languages,
    ratings,
  };
}

function shownReach(el: HTMLElement) {
  const section = el.querySelector('ponte-console-reach section')!;
  return { figures: readKeyFigures(section), languages: readTable(section, 'reach-languages'), ratings: readTable(section, 'reach-ratings') };
}

/** The same query, whatever the order of its keys. */
const sameQuery = (a: object, b: object) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Asks the page for the period (by keyboard, "Mostra gli indicatori"), waits
 * for `tag`'s section to be drawn for `input`, and compares what it shows
 * with the API's answer read before and after the page's: equal answers mean
 * nothing changed in between, and the page must show exactly that.
 * Otherwise the period is asked for again.
 */
async function steady<T>(el: HTMLElement, tag: string, input: PeriodInput, read: () => Promise<T>, shown: () => unknown, expected: (answer: T) => unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const before = await read();
    await activate(el, 'Mostra gli indicatori');
    const section = await until(
      () => [...el.querySelectorAll<HTMLElement>(`${tag} section[data-state=ready]`)].find((s) => sameQuery(JSON.parse(s.dataset['query']!), input)),
      `${tag} drawn for the period`,
    );
    const seen = shown();
    const after = await read();
    if (JSON.stringify(before) === JSON.stringify(after)) {
      expect(seen).to.deep.equal(expected(after));
      expect(section.isConnected).to.equal(true);
      return after;
    }
    if (attempt === 4) throw new Error(`${tag}: the answer kept changing while the page read it`);
  }
}

/** The console signed in as the coordinator (the token as the console keeps it), on Indicatori, its heading focused. */
async function openIndicators(token: string): Promise<PonteConsole> {
  sessionStorage.setItem(TOKEN_KEY, token);
  const el = await fixture<PonteConsole>(html`<ponte-console api=${ponteTest().api}></ponte-console>`);
  await find(el, '.who', 'the signed-in bar');
  await activate(el, 'Indicatori');
  await find(el, 'ponte-console-activity section[data-state=ready]', 'the school year’s activity');
  expect(document.activeElement?.id).to.equal('indicators-title');
  return el;
}

/** Chooses "any range of dates" and types its first and last day, by keyboard. */
async function chooseRange(el: HTMLElement, from: string, to: string): Promise<void> {
  await choose(el, '#period-kind', 'range');
  (await find<HTMLInputElement>(el, '#period-from', 'the first day')).focus();
  await type(dateKeys(from));
  (await find<HTMLInputElement>(el, '#period-to', 'the last day')).focus();
  await type(dateKeys(to));
}

/** Presses the button `label` and catches the file its link downloads, the browser's own download stopped. */
async function download(el: HTMLElement, label: string): Promise<{ name: string; bytes: Uint8Array; text: string }> {
  const downloaded = new Promise<{ name: string; bytes: Uint8Array }>((resolve) => {
    const catchLink = (event: Event) => {
      const link = event.target;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      document.removeEventListener('click', catchLink, true);
      void fetch(link.href)
        .then((r) => r.arrayBuffer())
        .then((b) => resolve({ name: link.download, bytes: new Uint8Array(b) }));
    };
    document.addEventListener('click', catchLink, true);
  });
  await activate(el, label);
  const file = await downloaded;
  return { ...file, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes) };
}

/** A file downloaded from the page is the API's: its name, the BOM first, the same header. */
function expectSameFile(file: { name: string; bytes: Uint8Array; text: string }, api: { filename: string; content: string }): void {
  expect(file.name).to.equal(api.filename);
  expect([...file.bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  expect(file.text.startsWith('\uFEFF')).to.equal(true);
  expect(file.text.split('\r\n')[0]).to.equal(api.content.split('\r\n')[0]);
}

/** Each chart: drawn on its canvas, which is an image named for the figure, over a table with caption and headers. */
async function expectCharts(el: HTMLElement, ids: string[]): Promise<void> {
  for (const id of ids) {
    const canvas = await until(() => el.querySelector<HTMLCanvasElement>(`#${id}-chart`), `the chart ${id}`);
    await until(() => canvas.style.width !== '', `the chart ${id} drawn`, 15_000);
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain(el.querySelector(`#${id}-title`)!.textContent);
    const table = el.querySelector(`#${id}-table`)!;
    expect(table.querySelector('caption')!.textContent).to.contain(el.querySelector(`#${id}-title`)!.textContent);
    expect(table.querySelectorAll('thead th[scope=col]').length).to.be.greaterThan(1);
    expect(table.querySelectorAll('tbody th[scope=row]').length).to.be.greaterThan(0);
  }
}

/** The narrative of `year`-`quarter` in the page, chosen by keyboard, once drawn. */
async function chooseQuarter(el: HTMLElement, year: number, quarter: number): Promise<HTMLElement> {
  await choose(el, '#narrative-year', String(year));
  await choose(el, '#narrative-quarter', String(quarter));
  return find(el, `ponte-console-narrative section[data-state=ready][data-quarter="${year}-${quarter}"]`, `the narrative of ${year} Q${quarter}`);
}

const PARTS = ['activities', 'strengths', 'deviations', 'problems', 'networks'] as const;

describe('Indicatori: destinatari FAMI, raggiunti e domanda, questionario e scheda trimestrale', () => {
  const { api: url, keys } = ponteTest();
  let coordinator: PonteClient;
  /** the coordinator's token, which the console keeps in sessionStorage */
  let token: string;
  const now = Date.now();
  const from = romeDate(now - 10 * DAY);
  const to = romeDate(now + 20 * DAY);
  const run = now.toString(36).toUpperCase();
  // The narrative's quarters of this suite: next year's, which nobody else writes.
  const year = calendarYears()[0]!;

  before(async function () {
    this.timeout(60_000);
    sessionStorage.clear();
    token = await signIn('coordinatrice@demo.ponte.test');
    coordinator = createPonteClient({ url, token });
    const rodari = (await createPonteClient({ url, publishableKey: keys.otherSchool }).organisations.current.query())!.id;
    const olena = (await coordinator.mediators.list.query({})).find((m) => m.displayName === 'Olena Kovalenko')!.id;

    // A.1 in Ukrainian from Rodari, taken in charge and approved with hours.
    const school = createPonteClient({ url, publishableKey: keys.otherSchool });
    const requestForm = await school.forms.get.query({ id: 'school-request' });
    const [day1, day2] = [romeDate(now + 7 * DAY), romeDate(now + 8 * DAY)];
    const receipt = await made('the request', school.submissions.submit.mutate({
      formId: 'school-request',
      version: requestForm.version,
      data: {
        ...structuredClone(SAMPLE_SUBMISSIONS['school-request']),
        school: rodari,
        mechanographicCode: 'COIC82300V',
        language: { code: 'ukr' },
        otherLanguages: [],
        proposedSlots: [
          { date: day1, from: '10:00', to: '11:00' },
          { date: day2, from: '10:00', to: '11:00' },
        ],
      },
    }));
    const requestId = (await coordinator.requests.queue.query({ organisationId: rodari, language: 'ukr', limit: 100 })).items.find((r) => r.protocol === receipt.protocol)!.id;
    await coordinator.requests.review.mutate({ id: requestId });
    await coordinator.requests.approve.mutate({ id: requestId, hoursAuthorised: 3 });

    // Its session, held four days ago by video; the report names two Ukrainian people, a stateless one, an EU citizen and one of unknown citizenship.
    const start = heldStart(4 * 24 + 3).getTime();
    const booked = await coordinator.scheduling.book.mutate({
      mediatorId: olena,
      organisationId: rodari,
      action: '1',
      submissionId: requestId,
      start: new Date(start).toISOString(),
      durationMinutes: 60,
      mode: 'video',
      override: true,
      overrideReason: 'Test degli indicatori FAMI',
    });
    const appointmentId = booked.appointments[0]!.id;
    const mediator = await staff('olena.kovalenko@demo.ponte.test');
    const report = await made('the report', mediator.reports.file.mutate({
      appointmentId,
      data: {
        ...structuredClone(SAMPLE_SUBMISSIONS['school-report']),
        sessionDate: romeDate(start),
        startTime: romeTime(start),
        endTime: romeTime(start + 3_600_000),
        languageUsed: { code: 'ukr' },
        mode: 'video',
        beneficiaries: [
          { code: `UA${run}-1`, sex: 'femmina', ageBand: '6-10', citizenshipStatus: 'nota', citizenships: ['UA'] },
          { code: `UA${run}-2`, sex: 'maschio', ageBand: '18+', citizenshipStatus: 'nota', citizenships: ['UA'] },
          { code: `AP${run}-3`, sex: 'altro', ageBand: '14-17', citizenshipStatus: 'apolide' },
          { code: `RO${run}-4`, sex: 'femmina', ageBand: '18+', citizenshipStatus: 'nota', citizenships: ['UA', 'RO'] },
          { code: `NN${run}-5`, sex: 'maschio', ageBand: '11-13', citizenshipStatus: 'sconosciuta' },
        ],
        mediatorSignature: { name: 'Olena Kovalenko', confirmed: true },
      },
    }));
    const referent = await staff('referente.rodari@demo.ponte.test');
    await referent.reports.countersign.mutate({ id: report.id, rating: 4 });

    // This school year's questionnaire of Manzoni, for its file.
    const manzoni = createPonteClient({ url, publishableKey: keys.school });
    const manzoniId = (await manzoni.organisations.current.query())!.id;
    const questionnaire = await manzoni.forms.get.query({ id: 'school-questionnaire' });
    await made(
      'the questionnaire',
      manzoni.submissions.submit.mutate({
        formId: 'school-questionnaire',
        version: questionnaire.version,
        data: { ...structuredClone(SAMPLE_SUBMISSIONS['school-questionnaire']), schoolYear: schoolYearOf(today()), school: manzoniId, mechanographicCode: 'COIC81200D' },
      }),
    );
  });

  after(() => sessionStorage.clear());

  it('reaches each section by keyboard from the links under the heading', async function () {
    this.timeout(60_000);
    const el = await openIndicators(token);
    await press('Tab');
    expect(document.activeElement?.textContent).to.equal('Interventi e ore');
    await press('Tab');
    expect(document.activeElement?.textContent).to.equal('Destinatari FAMI');
    for (const [id, name] of [
      ['beneficiaries', 'Destinatari FAMI'],
      ['reach', 'Raggiunti e domanda'],
      ['questionnaire', 'Questionario delle scuole'],
      ['narrative', 'Scheda trimestrale'],
    ] as const) {
      await find(el, `ponte-console-${id} section:not([data-state=loading])`, `the section ${name}`);
      const link = [...el.querySelectorAll<HTMLAnchorElement>('.section-links a')].find((a) => a.textContent === name)!;
      link.focus();
      await press('Enter');
      expect(document.activeElement?.id, name).to.equal(`${id}-title`);
      expect(document.activeElement?.textContent).to.equal(name);
      // The next Tab lands on the section's first control.
      await press('Tab');
      expect(el.querySelector(`ponte-console-${id}`)!.contains(document.activeElement), `Tab inside ${name}`).to.equal(true);
    }
    expect(location.hash).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows the fund’s beneficiaries of a range of dates as the API counts them, each chart with its table', async function () {
    this.timeout(90_000);
    const el = await openIndicators(token);
    await chooseRange(el, from, to);
    const input = { from, to };
    const b = await steady(el, 'ponte-console-beneficiaries', input, () => coordinator.indicators.beneficiaries.query(input), () => shownBeneficiaries(el), expectedBeneficiaries);
    // This suite's own people are among them: two Ukrainians and a stateless person counted, an EU citizen and an unknown one not.
    expect(b.counted).to.be.at.least(3);
    expect(b.notCounted.eu).to.be.at.least(1);
    expect(b.notCounted.unknown).to.be.at.least(1);
    const table = el.querySelector('table[data-figure=beneficiaries-citizenship]')!;
    expect(table.querySelector('tr[data-row=UA] th')!.textContent).to.equal('Ucraina');
    expect(table.querySelector('tr[data-row=stateless] th')!.textContent).to.equal('Apolide');
    expect(el.querySelector('table[data-figure=beneficiaries-sex-age] tr[data-row="6-10"] th')!.textContent).to.equal('6–10 anni');
    expect(el.querySelector('ponte-console-beneficiaries .explain')!.textContent).to.contain('prima versione');
    await expectCharts(el, ['beneficiaries-sex-age', 'beneficiaries-citizenship']);
    await expect(el).to.be.accessible();
  });

  it('shows whom the period reached and the demand by language, with the ratings and their mean', async function () {
    this.timeout(90_000);
    const el = await openIndicators(token);
    await chooseRange(el, from, to);
    const input = { from, to };
    const r = await steady(el, 'ponte-console-reach', input, () => coordinator.indicators.reach.query(input), () => shownReach(el), expectedReach);
    const ukr = r.languages.find((l) => l.language === 'ukr')!;
    expect(ukr.held).to.be.at.least(1);
    expect(ukr.mediators).to.be.at.least(1);
    expect(r.satisfaction.ratings).to.be.at.least(1);
    expect(el.querySelector('table[data-figure=reach-languages] tr[data-row=ukr] th')!.textContent).to.equal('Ucraino');
    // The mean with the Italian decimal comma, and what unmet demand is, in words.
    expect(el.querySelector('ponte-console-reach dd[data-figure=mean]')!.textContent).to.match(/^\d,\d{1,2} su 5$/);
    expect(el.querySelector('ponte-console-reach')!.textContent).to.contain('le richieste ricevute meno quelle prenotate');
    await expectCharts(el, ['reach-languages', 'reach-ratings']);
    await expect(el).to.be.accessible();
  });

  it('filters by the language asked for, from the list or typed, and by mode', async function () {
    this.timeout(90_000);
    const el = await openIndicators(token);
    await chooseRange(el, from, to);
    await choose(el, '#period-language', 'ukr');
    await choose(el, '#period-mode', 'video');
    const input = { from, to, language: 'ukr', mode: 'video' as const };
    const b = await steady(el, 'ponte-console-beneficiaries', input, () => coordinator.indicators.beneficiaries.query(input), () => shownBeneficiaries(el), expectedBeneficiaries);
    // Only this suite's session asked for Ukrainian and was held by video.
    expect([b.counted, b.notCounted.eu, b.notCounted.unknown]).to.deep.equal([3, 1, 1]);
    await steady(el, 'ponte-console-reach', input, () => coordinator.indicators.reach.query(input), () => shownReach(el), expectedReach);
    expect(el.querySelector('.period-shown')!.textContent).to.contain('lingua ucraino').and.contain('in videochiamata');
    expect(el.querySelector('ponte-console-reach')!.textContent).to.contain('restringe gli incontri, non le richieste');

    // Any other language by its code: a code that is not one is refused at its field.
    await choose(el, '#period-language', 'other');
    const code = await find<HTMLInputElement>(el, '#period-language-code', 'the language’s code');
    code.focus();
    await type('t1');
    await activate(el, 'Mostra gli indicatori');
    await until(() => el.querySelector('#period-problem')?.textContent?.includes('ISO 639-3'), 'the problem with the code');
    expect(document.activeElement).to.equal(code);
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    code.select();
    await type('tir');
    const tigrinya = { from, to, language: 'tir', mode: 'video' as const };
    await steady(el, 'ponte-console-beneficiaries', tigrinya, () => coordinator.indicators.beneficiaries.query(tigrinya), () => shownBeneficiaries(el), expectedBeneficiaries);
    expect(el.querySelector('#period-problem')!.textContent).to.equal('');
    expect(el.querySelector('.period-shown')!.textContent).to.contain('lingua tigrino');
  });

  it('downloads the people, the interventions, the questionnaire and the quarter as CSV files', async function () {
    this.timeout(90_000);
    const el = await openIndicators(token);
    await chooseRange(el, from, to);
    await activate(el, 'Mostra gli indicatori');
    for (const tag of ['ponte-console-beneficiaries', 'ponte-console-reach']) {
      await until(() => [...el.querySelectorAll<HTMLElement>(`${tag} section[data-state=ready]`)].find((s) => sameQuery(JSON.parse(s.dataset['query']!), { from, to })), tag);
    }
    expectSameFile(await download(el, 'Scarica CSV delle persone'), await coordinator.indicators.beneficiariesCsv.query({ from, to }));
    await until(() => el.querySelector('ponte-console-beneficiaries [role=status]')?.textContent?.includes('Scaricato il file'), 'the download said');
    expectSameFile(await download(el, 'Scarica CSV degli interventi'), await coordinator.indicators.interventionsCsv.query({ from, to }));

    const schoolYear = schoolYearOf(today());
    await find(el, `ponte-console-questionnaire section[data-state=ready][data-school-year="${schoolYear}"]`, 'this school year’s questionnaire');
    expectSameFile(await download(el, 'Scarica CSV del questionario'), await coordinator.indicators.questionnaireCsv.query({ schoolYear }));

    const [thisYear, quarter] = [Number(today().slice(0, 4)), Math.ceil(Number(today().slice(5, 7)) / 3)];
    await find(el, `ponte-console-narrative section[data-state=ready][data-quarter="${thisYear}-${quarter}"]`, 'this quarter’s narrative');
    expectSameFile(await download(el, 'Scarica CSV del trimestre'), await coordinator.indicators.quarterCsv.query({ year: thisYear, quarter }));
    expect(document.cookie).to.equal('');
  });

  it('writes the quarter’s narrative, saves it, and shows it again after a reload', async function () {
    this.timeout(90_000);
    const quarter = 1;
    let el = await openIndicators(token);
    await chooseQuarter(el, year, quarter);
    const texts = Object.fromEntries(PARTS.map((p) => [p, `${p}: città e comunità, prova ${run}`]));
    for (const part of PARTS) {
      const area = await find<HTMLTextAreaElement>(el, `#narrative-${part}`);
      expect(area.maxLength).to.equal(4000);
      area.focus();
      await type(texts[part]!);
      expect(area.value).to.equal(texts[part]);
      // The count follows the text, and the field points to it.
      const count = el.querySelector(`#narrative-${part}-count`)!;
      expect(count.textContent).to.equal(`${texts[part]!.length} caratteri su ${(4000).toLocaleString('it-IT')}`);
      expect(area.getAttribute('aria-describedby')).to.contain(count.id);
    }
    await expect(el).to.be.accessible();
    await activate(el, 'Salva la scheda');
    const status = await until(() => el.querySelector('#narrative-status')?.textContent?.match(/^Salvato alle \d\d:\d\d\.$/)?.[0], 'the saved status');
    const saved = (await coordinator.indicators.narrative.query({ year, quarter }))!;
    expect(saved).to.include(texts);
    expect(status).to.equal(`Salvato alle ${localParts(saved.updatedAt).time}.`);
    expect(el.querySelector('#narrative-status')!.getAttribute('aria-live')).to.equal('polite');

    // The page again: the saved text is what the quarter shows.
    el = await openIndicators(token);
    await chooseQuarter(el, year, quarter);
    for (const part of PARTS) expect(el.querySelector<HTMLTextAreaElement>(`#narrative-${part}`)!.value).to.equal(texts[part]);
    expect(el.querySelector('#narrative-status')!.textContent).to.contain('Ultimo salvataggio').and.contain(saved.updatedBy);
    expect(el.querySelector('ponte-console-narrative section')!.getAttribute('data-revision')).to.equal(String(saved.revision));
    await expect(el).to.be.accessible();
  });

  it('says so when someone else saved the quarter in between, and reads it again', async function () {
    this.timeout(90_000);
    const quarter = 2;
    const blank = Object.fromEntries(PARTS.map((p) => [p, ''])) as Record<(typeof PARTS)[number], string>;
    const first = await coordinator.indicators.saveNarrative.mutate({ year, quarter, ...blank, activities: 'Prima stesura' });
    const el = await openIndicators(token);
    await chooseQuarter(el, year, quarter);
    expect(el.querySelector<HTMLTextAreaElement>('#narrative-activities')!.value).to.equal('Prima stesura');

    // Someone else saves over the revision the page read.
    const theirs = await coordinator.indicators.saveNarrative.mutate({ year, quarter, ...blank, activities: 'Scritto da un’altra persona', revision: first.revision });
    const area = el.querySelector<HTMLTextAreaElement>('#narrative-activities')!;
    area.focus();
    await press('End');
    await type(', e aggiunto qui');
    await activate(el, 'Salva la scheda');
    const alert = await find(el, 'ponte-console-narrative [role=alert]', 'the conflict');
    expect(alert.textContent).to.contain('Qualcun altro ha salvato la scheda di questo trimestre');
    expect(document.activeElement?.id).to.equal('narrative-reload');
    expect((await coordinator.indicators.narrative.query({ year, quarter }))!).to.include({ activities: 'Scritto da un’altra persona', revision: theirs.revision });
    await expect(el).to.be.accessible();

    // Read again: their text, and a save over it goes through.
    await press('Enter');
    await until(() => el.querySelector('ponte-console-narrative section[data-state=ready]')?.getAttribute('data-revision') === String(theirs.revision), 'their revision read');
    expect(area.value).to.equal('Scritto da un’altra persona');
    expect(el.querySelector('ponte-console-narrative [role=alert]')).to.equal(null);
    area.focus();
    await press('End');
    await type(', e poi da me');
    await activate(el, 'Salva la scheda');
    await until(() => el.querySelector('#narrative-status')?.textContent?.startsWith('Salvato alle'), 'the save over their text');
    expect((await coordinator.indicators.narrative.query({ year, quarter }))!).to.include({ activities: 'Scritto da un’altra persona, e poi da me', revision: theirs.revision + 1 });
  });

  it('shows the server’s refusal of a text at its field', async function () {
    this.timeout(60_000);
    const el = await openIndicators(token);
    await chooseQuarter(el, year, 3);
    // A control character (pasted from another program, say) is refused by the server, whatever the page lets through.
    const area = el.querySelector<HTMLTextAreaElement>('#narrative-strengths')!;
    area.value = 'Campanella \u0007 di troppo';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await activate(el, 'Salva la scheda');
    const error = await find(el, '#narrative-strengths-error', 'the problem at the field');
    expect(error.textContent).to.contain('caratteri non ammessi');
    expect(document.activeElement).to.equal(area);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(area.getAttribute('aria-describedby')).to.contain('narrative-strengths-error');
    expect(await coordinator.indicators.narrative.query({ year, quarter: 3 })).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
