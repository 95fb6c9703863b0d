/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import ICAL from 'ical.js';
import { countersignSection, SAMPLE_SUBMISSIONS, type FormDefinition } from '@ponte/forms';
import { createPonteClient } from '@ponte/sdk';
// The real widgets the console page loads from /widgets/, here from their sources.
import '../../../packages/widgets/src/school-request/ponte-school-request.js';
import '../../../packages/widgets/src/school-report/ponte-school-report.js';
import '../../../packages/widgets/src/service-report/ponte-service-report.js';
import '../../../packages/widgets/src/mediator-calendar/ponte-mediator-calendar.js';
import '../src/ponte-console.js';
import type { PonteConsole } from '../src/ponte-console.js';
import { fillByKeyboard } from '../../../packages/widgets/src/internal/testing/fill-by-keyboard.js';
import { heldStart } from '../../../packages/widgets/src/internal/testing/held-start.js';
import { dateKeys, press as pressIn, tabToSubmit, timeKeys, until } from '../../../packages/widgets/src/internal/testing/keyboard.js';
import { ponteTest } from '../../../packages/widgets/test/ponte-test.js';
import { activate, choose, find, press, type } from './console-keyboard.js';

/*
 * The whole loop of a request (docs/architecture.md#a-request-end-to-end), on the fresh demo database of the run, through
 * the real widgets and the real console against the real server:
 * a school sends A.1 → the coordinator approves it and books the top
 * suggestion → the appointment is in the mediator's calendar widget and iCal
 * feed → the mediator files A.2 → the school's referent countersigns → the
 * budget shows the hours delivered. Each step is driven through the UI and
 * read back through the API.
 */

const ROME = 'Europe/Rome';
const romeDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ROME }).format(d);
const romeTime = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
const romeWeekday = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: ROME, weekday: 'short' }).format(d);

/** The next `count` weekdays after today in Rome: days the demo mediators work, for the request's proposed slots. */
function nextWeekdays(count: number): string[] {
  const days: string[] = [];
  for (let d = Date.now() + 86_400_000; days.length < count; d += 86_400_000) {
    if (!['Sat', 'Sun'].includes(romeWeekday(new Date(d)))) days.push(romeDate(new Date(d)));
  }
  return days;
}

/**
 * When the session took place: two days ago, on the hour (heldStart), which
 * the console allows by letting the coordinator change the suggested start.
 * Not the hour the widgets' report test books for the same mediator
 * (yesterday), as the suites share one server.
 */
const heldAt = () => heldStart(50);

async function api(email: string) {
  const { api: url, password } = ponteTest();
  const { token } = await createPonteClient({ url }).auth.signIn.mutate({ email, password });
  return createPonteClient({ url, token });
}

/** The console, signed out or (a token in sessionStorage) back in the session of the previous step. */
async function mountConsole(): Promise<PonteConsole> {
  const el = await fixture<PonteConsole>(html`<ponte-console api=${ponteTest().api}></ponte-console>`);
  await find(el, '#sign-in-email, .who', 'the sign-in form or the signed-in bar');
  return el;
}

/** Signs in through the console's form, by keyboard. */
async function signIn(el: PonteConsole, email: string): Promise<void> {
  (await find(el, '#sign-in-email')).focus();
  await type(email);
  await press('Tab');
  await type(ponteTest().password);
  await press('Enter');
  await find(el, '.who', 'the signed-in bar');
  expect(el.querySelector('.who')!.textContent).to.contain(email);
}

async function signOut(el: PonteConsole): Promise<void> {
  await activate(el, 'Esci');
  await find(el, '#sign-in-email', 'the sign-in form again');
  expect(sessionStorage.getItem('ponte.console.token')).to.equal(null);
}

describe('the whole loop, through the console and the widgets', () => {
  before(() => sessionStorage.clear());
  after(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  // Shared by the steps, which run in order on one database.
  let receipt: { protocol: string; trackingCode: string };
  let requestId: string;
  let appointment: { id: string; startsAt: string; endsAt: string; mediatorId: string | null; schoolYear: string; organisationId: string };
  let feedUrl: string;
  let deliveredBefore = 0;
  const start = heldAt();

  it('1. a school sends A.1 through <ponte-school-request>', async function () {
    this.timeout(150_000);
    const { api: url, keys } = ponteTest();
    const el = await fixture<HTMLElement>(html`<ponte-school-request api=${url} publishable-key=${keys.school} locale="it"></ponte-school-request>`);
    await until(() => el.shadowRoot?.querySelector('form'), 'the form');
    const def = (await createPonteClient({ url }).forms.get.query({ id: 'school-request' })) as FormDefinition;
    const [day1, day2] = nextWeekdays(2);
    const sample = {
      ...structuredClone(SAMPLE_SUBMISSIONS['school-request']),
      proposedSlots: [
        { date: day1, from: '14:30', to: '15:30' },
        { date: day2, from: '14:30', to: '15:30' },
      ],
    } as Record<string, unknown>;
    await fillByKeyboard(el, def, sample);
    await until(() => el.shadowRoot?.querySelector('.review'), 'the summary step');
    const submitted = new Promise<CustomEvent>((r) => el.addEventListener('ponte-submitted', (e) => r(e as CustomEvent)));
    await tabToSubmit(el);
    await pressIn('Enter');
    receipt = (await submitted).detail;
    expect(receipt.protocol).to.be.a('string');
  });

  it('2. the coordinator finds it in the queue, approves it with hours and books the top suggestion', async function () {
    this.timeout(60_000);
    const coordinator = await api('coordinatrice@demo.ponte.test');
    const manzoni = await createPonteClient({ url: ponteTest().api, publishableKey: ponteTest().keys.school }).organisations.current.query();

    const el = await mountConsole();
    await expect(el).to.be.accessible();
    await signIn(el, 'coordinatrice@demo.ponte.test');

    // The queue, filtered by status, organisation, language and urgency.
    await find(el, 'ponte-console-queue table', 'the queue');
    await expect(el).to.be.accessible();
    await choose(el, '#queue-status', 'received');
    await choose(el, '#queue-organisationId', manzoni!.id);
    await choose(el, '#queue-language', 'ara');
    await choose(el, '#queue-urgency', 'ordinaria');
    const count = () => el.querySelector('ponte-console-queue [role=status]')!.textContent!;
    await until(() => /\d+ richiest[ae]/.test(count()), 'the count of the filtered queue');
    const row = await until(
      () => [...el.querySelectorAll('ponte-console-queue tbody tr')].find((tr) => tr.textContent!.includes(receipt.protocol)),
      'the request in the filtered queue',
    );
    // Every row shown matches the filters.
    for (const tr of el.querySelectorAll('ponte-console-queue tbody tr')) expect(tr.textContent).to.contain('Ricevuta');
    expect(count()).to.equal(`${el.querySelectorAll('ponte-console-queue tbody tr').length === 1 ? '1 richiesta' : `${el.querySelectorAll('ponte-console-queue tbody tr').length} richieste`}`);
    (row.querySelector('button') as HTMLButtonElement).focus();
    await press('Enter');

    await find(el, 'ponte-console-request dl', 'the request');
    expect(document.activeElement?.id).to.equal('request-title');
    expect(el.querySelector('#request-title')!.textContent).to.contain(receipt.protocol);
    await expect(el).to.be.accessible();
    requestId = (await coordinator.requests.queue.query({ status: 'received' })).items.find((r) => r.protocol === receipt.protocol)!.id;

    await activate(el, 'Prendi in carico');
    const hours = await find<HTMLInputElement>(el, '#approve-hours', 'the hours to authorise');
    expect(hours.value).to.equal('1');
    hours.focus();
    hours.select();
    await type('2');
    await press('Enter');

    // Approved: the suggestions, best first, each with its reasons and a booking ready.
    const top = await find(el, '.suggestion-list > li.top', 'the top suggestion');
    expect(el.querySelector('ponte-console-request .facts .tag')!.textContent).to.equal('Approvata');
    const suggested = await coordinator.coordination.suggestMediators.query({ requestId });
    const best = suggested.suggestions[0]!;
    expect(top.querySelector('h4')!.textContent).to.contain(best.displayName);
    expect(top.textContent).to.contain(best.explanation);
    expect(best.displayName).to.contain('Amina');
    const date = top.querySelector<HTMLInputElement>('#book-1-date')!;
    const time = top.querySelector<HTMLInputElement>('#book-1-time')!;
    // The place the request gave, to correct if it names a person: it goes into calendars, and the form says so.
    const place = top.querySelector<HTMLInputElement>('#book-1-place')!;
    expect(place.value).to.equal(best.book!.place);
    expect(document.getElementById(place.getAttribute('aria-describedby')!)!.textContent).to.contain('mai il nome di una persona');
    // Prefilled from the draft, in Rome's wall clock.
    expect(date.value).to.equal(romeDate(new Date(best.book!.start)));
    expect(time.value).to.equal(romeTime(new Date(best.book!.start)));
    await expect(el).to.be.accessible();

    // The session took place two days ago: the coordinator records it at that time.
    date.focus();
    await type(dateKeys(romeDate(start)));
    time.focus();
    await type(timeKeys(romeTime(start)));
    expect(date.value).to.equal(romeDate(start));
    expect(time.value).to.equal(romeTime(start));
    await activate(top, 'Prenota');
    const done = await until(() => el.querySelector('ponte-console-suggestions .done')?.textContent?.trim(), 'the booking confirmation', 15_000);
    expect(done).to.contain('Prenotato');

    const stored = await coordinator.requests.get.query({ id: requestId });
    expect(stored.status).to.equal('scheduled');
    expect(stored.hoursAuthorised).to.equal(2);
    expect(stored.history.map((h) => h.status)).to.deep.equal(['received', 'in_review', 'approved', 'scheduled']);
    expect(stored.appointments).to.have.length(1);
    const booked = await coordinator.scheduling.get.query({ id: stored.appointments[0]!.id });
    expect(booked.mediatorId).to.equal(best.mediatorId);
    expect(booked.startsAt).to.equal(start.toISOString());
    appointment = booked;
    await until(() => el.querySelector('ponte-console-request .facts .tag')?.textContent === 'Programmata', 'the request shown as scheduled');

    // The budgets before the report: what is delivered so far.
    const budget = (await coordinator.budgets.list.query({ organisationId: manzoni!.id, schoolYear: booked.schoolYear })).find((b) => b.action === '1')!;
    deliveredBefore = budget.minutesDelivered;

    // The calendars across mediators and the budgets, as the coordinator sees them.
    await activate(el, 'Calendari dei mediatori');
    await find(el, 'ponte-mediator-calendar', 'the calendars');
    await expect(el).to.be.accessible();
    await activate(el, 'Monte ore');
    await find(el, `ponte-console-budgets tr[data-organisation="${manzoni!.id}"]`, 'the budgets');
    await expect(el).to.be.accessible();
    await signOut(el);
  });

  it('3. the appointment is in the mediator’s calendar widget and iCal feed, without the child’s name', async function () {
    this.timeout(60_000);
    const el = await mountConsole();
    await signIn(el, 'amina.elidrissi@demo.ponte.test');
    const calendar = await find<HTMLElement & { date?: string }>(el, 'ponte-mediator-calendar', 'the calendar');
    calendar.setAttribute('date', romeDate(start));
    const slot = `${romeTime(start)}–${romeTime(new Date(appointment.endsAt))}`;
    await until(() => calendar.shadowRoot?.querySelector('[role=grid]')?.textContent?.includes(slot), `the session ${slot} in the calendar`, 15_000);

    await activate(el, 'Crea l’indirizzo');
    const input = await find<HTMLInputElement>(el, '#ical-url', 'the iCal URL');
    feedUrl = input.value;
    expect(feedUrl).to.match(/\/ical\/ical_[A-Za-z0-9_-]{43}\.ics$/);
    await expect(el).to.be.accessible();

    const text = await (await fetch(feedUrl)).text();
    const cal = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const event = cal
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c))
      .find((e) => e.uid.startsWith(`${appointment.id}@`));
    expect(event, 'the appointment in the feed').to.not.equal(undefined);
    expect(event!.startDate.toJSDate().toISOString()).to.equal(start.toISOString());
    // docs/architecture.md#ical-feeds-and-files: no child's data in any event; the request's people and content stay out.
    const sample = SAMPLE_SUBMISSIONS['school-request'] as Record<string, unknown>;
    for (const secret of [sample['pupilCode'], sample['requestingTeacher'], sample['need'], 'maschio', '2017']) {
      expect(text, `the feed leaks ${String(secret)}`).to.not.contain(String(secret));
    }
  });

  it('4. the mediator files A.2 for it through <ponte-school-report appointment-id> in the console', async function () {
    this.timeout(150_000);
    // The page is loaded again: the console resumes the mediator's session from sessionStorage.
    const el = await mountConsole();
    expect(el.querySelector('.who')?.textContent).to.contain('amina.elidrissi@demo.ponte.test');
    const item = await until(
      () => [...el.querySelectorAll('.to-file > li')].find((li) => li.querySelector('time')?.getAttribute('datetime') === appointment.startsAt),
      'the appointment waiting for its report',
    );
    await activate(item, 'Compila il report');
    const form = await find<HTMLElement>(el, `ponte-school-report[appointment-id="${appointment.id}"]`, 'the report form');
    await until(() => form.shadowRoot?.querySelector('form'), 'the report form to load');
    await expect(el).to.be.accessible();

    const full = (await createPonteClient({ url: ponteTest().api }).forms.get.query({ id: 'school-report' })) as FormDefinition;
    const countersign = countersignSection(full)!;
    const def = { ...full, sections: full.sections.filter((s) => s !== countersign.section) };
    const sample = {
      ...structuredClone(SAMPLE_SUBMISSIONS['school-report']),
      sessionDate: romeDate(start),
      startTime: romeTime(start),
      endTime: romeTime(new Date(appointment.endsAt)),
    } as Record<string, unknown>;
    await fillByKeyboard(form, def, sample);
    await until(() => form.shadowRoot?.querySelector('.review'), 'the summary step');
    await tabToSubmit(form);
    await pressIn('Enter');
    const done = await until(() => el.querySelector('ponte-console-reports-to-file .done')?.textContent?.trim(), 'the report filed', 15_000);
    expect(done).to.contain('Report inviato');
    await until(() => !el.querySelector(`ponte-school-report[appointment-id="${appointment.id}"]`), 'the form closed');

    const mediator = await api('amina.elidrissi@demo.ponte.test');
    const [report] = await mediator.reports.list.query({ submissionId: requestId });
    expect(report).to.include({ appointmentId: appointment.id, status: 'filed', deliveredMinutes: 60 });
    await signOut(el);
  });

  it('5. the school’s referent countersigns it, and 6. the budget shows the hours delivered', async function () {
    this.timeout(60_000);
    const el = await mountConsole();
    await signIn(el, 'referente.manzoni@demo.ponte.test');
    const row = `ponte-console-budgets tr[data-organisation="${appointment.organisationId}"][data-action="1"][data-year="${appointment.schoolYear}"]`;
    // Hours as the table writes them, "1,5 h", back to minutes. Other suites share the server and
    // may add hours of their own meanwhile: the table must show at least what this loop delivered.
    const delivered = () => {
      const text = el.querySelector(`${row} .delivered`)?.textContent?.trim();
      return text?.endsWith(' h') ? Math.round(Number(text.slice(0, -2).replace(',', '.')) * 60) : undefined;
    };
    const coordinator = await api('coordinatrice@demo.ponte.test');
    const deliveredNow = async () =>
      (await coordinator.budgets.list.query({ organisationId: appointment.organisationId, schoolYear: appointment.schoolYear })).find((b) => b.action === '1')!.minutesDelivered;
    // Before the countersignature the session is booked, not yet delivered: the table shows what the server counts.
    const before = await deliveredNow();
    expect(before).to.be.at.least(deliveredBefore);
    await until(() => delivered() === before, 'the budget before countersigning');
    await expect(el).to.be.accessible();

    await activate(el, 'Leggi e controfirma');
    await find(el, '#report-title', 'the report');
    expect(document.activeElement?.id).to.equal('report-title');
    expect(el.querySelector('.report')!.textContent).to.contain((SAMPLE_SUBMISSIONS['school-report'] as Record<string, unknown>)['description'] as string);
    await choose(el, '#countersign-rating', '5');
    await expect(el).to.be.accessible();
    await activate(el, 'Controfirma');
    await until(() => el.querySelector('ponte-console-reports-to-countersign .done')?.textContent?.includes('controfirmato'), 'the countersignature');

    // 6. the budget, as the referent's console shows it and as the API reads it.
    await until(() => delivered()! >= before + 60, 'the delivered hours in the budget');
    const after = await deliveredNow();
    expect(after).to.be.at.least(before + 60);
    await until(() => delivered() === after, 'the table to show the delivered hours the API reads');
    const request = await coordinator.requests.get.query({ id: requestId });
    expect(request.status).to.equal('closed');
    const [report] = await coordinator.reports.list.query({ submissionId: requestId });
    expect(report).to.include({ status: 'countersigned', countedMinutes: 60 });
    expect(document.cookie).to.equal('');
  });
});
