/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { SAMPLE_SUBMISSIONS, type PlanAction } from '@ponte/forms';
import { createPonteClient, type PonteClient, type PonteOutputs } from '@ponte/sdk';
import '../src/ponte-console.js';
import type { PonteConsole } from '../src/ponte-console.js';
import { heldStart } from '../../../packages/widgets/src/internal/testing/held-start.js';
import { dateKeys, until } from '../../../packages/widgets/src/internal/testing/keyboard.js';
import { ponteTest } from '../../../packages/widgets/test/ponte-test.js';
import { activate, choose, find, press, type } from './console-keyboard.js';

/*
 * The coordinator's Indicatori view (examples/console/src/indicators-view.ts)
 * in a real Chromium against the run's server: opened and worked by
 * keyboard, its figures read back from the page and compared with what the
 * API answers for the same period, its charts drawn with their tables, the
 * CSV downloaded as a file. The suites share the server and may book while
 * this one reads: a figure is compared only with an answer that stood still
 * across the page's own read (`steady`).
 */

type Activity = PonteOutputs['indicators']['activity'];

const ROME = 'Europe/Rome';
const romeDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ROME }).format(new Date(ms));
const DAY = 86_400_000;
const HOUR = 3_600_000;

async function staff(email: string): Promise<PonteClient> {
  const { api: url, password } = ponteTest();
  const { token } = await createPonteClient({ url }).auth.signIn.mutate({ email, password });
  return createPonteClient({ url, token });
}

/** A number as the page writes it: "1.234", "1,5 h" (then in minutes). */
function figure(text: string | null | undefined): number {
  const t = (text ?? '').trim();
  const n = Number(t.replace(/ h$/, '').replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(n) || t === '') throw new Error(`not a figure: “${t}”`);
  return t.endsWith(' h') ? Math.round(n * 60) : n;
}

/** A figure's table as { row key: { column key: value } }, totals under 'totals'. */
function readTable(root: ParentNode, id: string): Record<string, Record<string, number>> {
  const table = root.querySelector(`table[data-figure="${id}"]`);
  if (!table) return {};
  return Object.fromEntries(
    [...table.querySelectorAll('tr[data-row]')].map((tr) => [
      tr.getAttribute('data-row')!,
      Object.fromEntries([...tr.querySelectorAll('td[data-column]')].map((td) => [td.getAttribute('data-column')!, figure(td.textContent)])),
    ]),
  );
}

/** What the two tables of the activity must hold for an answer of indicators.activity. */
function expected(a: Activity) {
  const interventions = (f: Activity['totals']) => ({ ...f.interventions });
  const hours = (f: Activity['totals']) => ({ minutesBooked: f.minutesBooked, minutesDelivered: f.minutesDelivered, minutesAwaitingCountersignature: f.minutesAwaitingCountersignature });
  const key = (r: Activity['rows'][number]) => `${r.organisationId}:${r.action}`;
  return {
    interventions: { ...Object.fromEntries(a.rows.map((r) => [key(r), interventions(r)])), ...(a.rows.length ? { totals: interventions(a.totals) } : {}) },
    hours: { ...Object.fromEntries(a.rows.map((r) => [key(r), hours(r)])), ...(a.rows.length ? { totals: hours(a.totals) } : {}) },
  };
}

/**
 * Waits for the activity of `input` to be drawn, then compares it with the
 * API's answer read before and after the page's: equal answers mean nothing
 * was booked in between, and the page must show exactly that. Otherwise the
 * period is asked for again, by keyboard.
 */
async function steady(el: HTMLElement, coordinator: PonteClient, input: { from: string; to: string; action?: PlanAction; organisationId?: string }): Promise<Activity> {
  const section = `ponte-console-activity section[data-state=ready][data-from="${input.from}"][data-to="${input.to}"]`;
  for (let attempt = 0; ; attempt++) {
    const before = await coordinator.indicators.activity.query(input);
    await activate(el, 'Mostra gli indicatori');
    await until(() => el.querySelector('ponte-console-activity section[data-state=loading]') || el.querySelector(section), 'the period asked for');
    await find(el, section, 'the activity of the period');
    const shown = { interventions: readTable(el, 'activity-interventions'), hours: readTable(el, 'activity-hours') };
    const after = await coordinator.indicators.activity.query(input);
    if (JSON.stringify(before) === JSON.stringify(after)) {
      expect(shown).to.deep.equal(expected(after));
      return after;
    }
    if (attempt === 4) throw new Error('the activity kept changing while the page read it');
  }
}

/** The console, signed in as the coordinator (the token kept in sessionStorage by the first test), on Indicatori. */
async function openIndicators(): Promise<PonteConsole> {
  const el = await fixture<PonteConsole>(html`<ponte-console api=${ponteTest().api}></ponte-console>`);
  await find(el, '.who', 'the signed-in bar');
  await activate(el, 'Indicatori');
  await find(el, 'ponte-console-activity section[data-state=ready]', 'the school year’s activity');
  return el;
}

/** Chooses "any range of dates" and types its first and last day, by keyboard. */
async function chooseRange(el: HTMLElement, from: string, to: string): Promise<void> {
  await choose(el, '#period-kind', 'range');
  const start = await find<HTMLInputElement>(el, '#period-from', 'the first day');
  start.focus();
  await type(dateKeys(from));
  const end = await find<HTMLInputElement>(el, '#period-to', 'the last day');
  end.focus();
  await type(dateKeys(to));
  expect([start.value, end.value]).to.deep.equal([from, to]);
}

describe('Indicatori, through the console', () => {
  const { api: url, keys, password } = ponteTest();
  let coordinator: PonteClient;
  let rodari: string;
  let servizi: string;
  const now = Date.now();
  // A range of days around today, where this suite books one intervention of each kind.
  const from = romeDate(now - 10 * DAY);
  const to = romeDate(now + 20 * DAY);

  before(async function () {
    this.timeout(60_000);
    sessionStorage.clear();
    coordinator = await staff('coordinatrice@demo.ponte.test');
    rodari = (await createPonteClient({ url, publishableKey: keys.otherSchool }).organisations.current.query())!.id;
    servizi = (await createPonteClient({ url, publishableKey: keys.service }).organisations.current.query())!.id;
    // Ardit: a mediator no other suite books, so these meetings clash with none of theirs.
    const ardit = (await coordinator.mediators.list.query({})).find((m) => m.displayName === 'Ardit Hoxha')!.id;
    const book = async (organisationId: string, action: PlanAction, start: number) =>
      (
        await coordinator.scheduling.book.mutate({
          mediatorId: ardit,
          organisationId,
          action,
          start: new Date(start).toISOString(),
          durationMinutes: 90,
          mode: 'video',
          override: true,
          overrideReason: 'Test degli indicatori',
        })
      ).appointments[0]!.id;
    const hourFromNow = (hours: number) => Math.ceil((now + hours * HOUR) / HOUR) * HOUR;
    await coordinator.scheduling.setOutcome.mutate({ id: await book(rodari, '1', heldStart(9 * 24).getTime()), outcome: 'held' });
    await coordinator.scheduling.setOutcome.mutate({ id: await book(servizi, '2', heldStart(8 * 24).getTime()), outcome: 'not_held' });
    // Inside the 48 hours' notice: a late cancellation; a fortnight ahead: in time.
    await coordinator.scheduling.cancel.mutate({ id: await book(servizi, '2', hourFromNow(30)) });
    await coordinator.scheduling.cancel.mutate({ id: await book(rodari, '1', hourFromNow(14 * 24)) });
    await book(rodari, '1', hourFromNow(15 * 24));
  });

  after(() => sessionStorage.clear());

  it('opens by keyboard and shows a range of dates as the API adds it up, each chart with its table, accessibly', async function () {
    this.timeout(90_000);
    const el = await fixture<PonteConsole>(html`<ponte-console api=${url}></ponte-console>`);
    (await find(el, '#sign-in-email')).focus();
    await type('coordinatrice@demo.ponte.test');
    await press('Tab');
    await type(password);
    await press('Enter');
    await find(el, '.who', 'the signed-in bar');

    await activate(el, 'Indicatori');
    await find(el, '#indicators-title', 'the Indicatori view');
    expect(document.activeElement?.id).to.equal('indicators-title');
    // It opens on this school year, already drawn.
    await find(el, 'ponte-console-activity section[data-state=ready]', 'the school year’s activity');

    await chooseRange(el, from, to);
    const activity = await steady(el, coordinator, { from, to });
    // This suite's own meetings are among them: one of each kind.
    expect(activity.totals.interventions).to.satisfy((i: Activity['totals']['interventions']) => Object.values(i).every((n) => n >= 1));
    const names = new Map((await coordinator.organisations.list.query()).map((o) => [o.id, o.name]));
    expect(el.querySelector(`table[data-figure=activity-interventions] tr[data-row="${rodari}:1"] th[scope=row]`)!.textContent).to.equal(names.get(rodari));
    expect(el.querySelector('.period-shown')!.textContent).to.contain('dal').and.contain('al');

    // Each chart: Chart.js drew its canvas, which is named, and the same values stand in a table beside it.
    for (const id of ['activity-interventions', 'activity-hours']) {
      const canvas = await until(() => el.querySelector<HTMLCanvasElement>(`#${id}-chart`), `the chart ${id}`);
      await until(() => canvas.style.width !== '', `the chart ${id} drawn`, 15_000);
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.contain(el.querySelector(`#${id}-title`)!.textContent);
      const table = el.querySelector(`#${id}-table`)!;
      expect(table.querySelector('caption')!.textContent).to.not.equal('');
      expect(table.querySelectorAll('thead th[scope=col]').length).to.be.greaterThan(2);
      expect(table.querySelectorAll('tbody th[scope=row]').length).to.equal(activity.rows.length);
    }
    await expect(el).to.be.accessible();
  });

  it('exports the period as a CSV file for a spreadsheet, downloaded from the page', async function () {
    this.timeout(60_000);
    const el = await openIndicators();
    await chooseRange(el, from, to);
    await activate(el, 'Mostra gli indicatori');
    await find(el, `ponte-console-activity section[data-state=ready][data-from="${from}"][data-to="${to}"]`, 'the activity of the period');
    // The download's link, caught as the page clicks it: its file read, the browser's own download stopped.
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
    await activate(el, 'Scarica CSV');
    const file = await downloaded;
    const api = await coordinator.indicators.activityCsv.query({ from, to });
    expect(file.name).to.equal(api.filename);
    expect([...file.bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith('\uFEFF')).to.equal(true);
    const header = api.content.split('\r\n')[0]!;
    expect(header).to.contain('Organizzazione;');
    expect(text.split('\r\n')[0]).to.equal(header);
    await until(() => el.querySelector('ponte-console-activity [role=status]')?.textContent?.includes(api.filename), 'the download said');
    expect(document.cookie).to.equal('');
  });

  it('filters by AZIONE and organisation', async function () {
    this.timeout(60_000);
    const el = await openIndicators();
    await chooseRange(el, from, to);
    await choose(el, '#period-action', '1');
    await choose(el, '#period-organisation', rodari);
    const activity = await steady(el, coordinator, { from, to, action: '1', organisationId: rodari });
    expect(activity.rows.map((r) => `${r.organisationId}:${r.action}`)).to.deep.equal([`${rodari}:1`]);
    expect(el.querySelector('.period-shown')!.textContent).to.contain('Azione 1');
    await expect(el).to.be.accessible();
  });

  it('says what is wrong with a range that ends before it starts, at the field', async function () {
    this.timeout(60_000);
    const el = await openIndicators();
    await chooseRange(el, from, romeDate(now - 20 * DAY));
    const end = el.querySelector<HTMLInputElement>('#period-to')!;
    await activate(el, 'Mostra gli indicatori');
    const problem = await until(() => el.querySelector('#period-problem')?.textContent?.trim(), 'the problem');
    expect(problem).to.contain('non può precedere');
    expect(document.activeElement).to.equal(end);
    expect(end.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows the school questionnaire of a chosen school year', async function () {
    this.timeout(60_000);
    const schoolYear = '2025/26';
    const comment = `Commento del test ${now}`;
    const school = createPonteClient({ url, publishableKey: keys.otherSchool });
    const def = await school.forms.get.query({ id: 'school-questionnaire' });
    await school.submissions.submit.mutate({
      formId: 'school-questionnaire',
      version: def.version,
      data: { ...structuredClone(SAMPLE_SUBMISSIONS['school-questionnaire']), schoolYear, school: rodari, mechanographicCode: 'COIC82300V', comments: comment },
    });

    const el = await openIndicators();
    await choose(el, '#questionnaire-year', schoolYear);
    for (let attempt = 0; ; attempt++) {
      const before = await coordinator.indicators.questionnaire.query({ schoolYear });
      await find(el, `ponte-console-questionnaire section[data-state=ready][data-school-year="${schoolYear}"]`, 'the questionnaire of the year');
      const shown = [...el.querySelectorAll('.questionnaire-schools tbody tr')].map((tr) => [tr.getAttribute('data-organisation'), tr.querySelector('td')!.textContent]);
      const after = await coordinator.indicators.questionnaire.query({ schoolYear });
      if (JSON.stringify(before) === JSON.stringify(after)) {
        expect(shown).to.deep.equal(after.schools.map((s) => [s.organisationId, s.protocol]));
        break;
      }
      if (attempt === 4) throw new Error('the questionnaire kept changing while the page read it');
      // Asked again: the year chosen anew, by keyboard.
      await choose(el, '#questionnaire-year', '2024/25');
      await choose(el, '#questionnaire-year', schoolYear);
    }
    const yesNo = await find<HTMLCanvasElement>(el, '#q-yes-no-chart', 'the chart of the yes/no questions');
    await until(() => yesNo.style.width !== '', 'the yes/no chart drawn', 15_000);
    expect(el.querySelector('#q-yes-no-table caption')!.textContent).to.contain('Domande sì o no');
    expect(el.querySelector('.free-texts')!.parentElement!.textContent).to.contain(comment);
    await expect(el).to.be.accessible();
  });
});
