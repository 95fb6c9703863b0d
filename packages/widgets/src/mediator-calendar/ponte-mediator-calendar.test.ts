/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { createPonteClient } from '@ponte/sdk';
import './ponte-mediator-calendar.js';
import type { PonteMediatorCalendar } from './ponte-mediator-calendar.component.js';
import { addDays, dayLabel } from '../booking/local-dates.js';
import { dateKeys, focusedIn, press, tabTo, timeKeys, type, until } from '../internal/testing/keyboard.js';
import { ponteTest } from '../internal/testing/ponte-test.js';
import { wall } from '../internal/wall-clock.js';
import { dayStart, isoWeekday } from './zone-time.js';

/*
 * The calendar against the real server of the run: the demo's mediator Li Wei
 * signs in; the coordinator books her an appointment at 07:15 Rome time a
 * week from today, which every view must show at 07:15 whatever the
 * browser's zone. Li Wei and Arshad Mahmood are the mediators no other
 * browser suite books (the suites run at once, on one server).
 */

const ROME = 'Europe/Rome';
const signIn = async (email: string) => {
  const { api, password } = ponteTest();
  const { token } = await createPonteClient({ url: api }).auth.signIn.mutate({ email, password });
  return { token, client: createPonteClient({ url: api, token }) };
};

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: HTMLElement | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(token: string, attributes: { view?: string; date?: string; ids?: string; locale?: string } = {}): Promise<PonteMediatorCalendar> {
  const el = await fixture<PonteMediatorCalendar>(
    html`<ponte-mediator-calendar
      api=${ponteTest().api}
      view=${attributes.view ?? 'week'}
      date=${attributes.date ?? ''}
      mediator-ids=${attributes.ids ?? ''}
      locale=${attributes.locale ?? 'it'}
      .token=${token}
    ></ponte-mediator-calendar>`,
  );
  await until(() => $(el, '#title') && !el.shadowRoot!.querySelector('[aria-busy]'), 'the calendar');
  return el;
}

/** the start of a cell's accessible name: its day (and mediator) and how many appointments */
const nameOf = (td: Element | null | undefined) => text(td?.querySelector('.sr-only'));
/** the cell of a day (and a mediator's row), by its accessible name */
const cellOf = (el: HTMLElement, date: string, prefix = '') => $$(el, 'tbody td').find((td) => nameOf(td).startsWith(`${prefix}${dayLabel(date, 'it')},`));

describe('<ponte-mediator-calendar>', () => {
  let mediator: Awaited<ReturnType<typeof signIn>>;
  let coordinator: Awaited<ReturnType<typeof signIn>>;
  let date: string;
  let li: string;
  let arshad: string;

  before(async () => {
    mediator = await signIn('li.wei@demo.ponte.test');
    coordinator = await signIn('coordinatrice@demo.ponte.test');
    const mediators = await coordinator.client.mediators.list.query();
    li = mediators.find((m) => m.displayName === 'Li Wei')!.id;
    arshad = mediators.find((m) => m.displayName === 'Arshad Mahmood')!.id;
    const organisation = (await coordinator.client.organisations.list.query()).find((o) => o.kind === 'service')!;
    date = addDays(wall(Date.now(), ROME).slice(0, 10), 7);
    const start = new Date(Date.parse(dayStart(date, ROME)) + (7 * 60 + 15) * 60_000).toISOString();
    expect(wall(start, ROME)).to.equal(`${date} 07:15:00`);
    await coordinator.client.scheduling.book.mutate({
      mediatorId: li,
      organisationId: organisation.id,
      action: '2',
      start,
      durationMinutes: 60,
      mode: 'in_person',
      place: 'Via del Calendario 5',
      caseCode: 'CAL-2026-001',
      override: true,
      overrideReason: 'test del calendario',
    });
    // Half past midnight in Rome, still the evening before in New York: a day taken in the browser's zone shows.
    const early = new Date(Date.parse(dayStart(date, ROME)) + 30 * 60_000).toISOString();
    await coordinator.client.scheduling.book.mutate({
      mediatorId: li,
      organisationId: organisation.id,
      action: '2',
      start: early,
      durationMinutes: 60,
      mode: 'video',
      caseCode: 'CAL-2026-002',
      override: true,
      overrideReason: 'test del calendario',
    });
  });

  // The runner reuses the page for the next test file: give it back its own zone.
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  after(() => executeServerCommand('emulate-timezone', browserZone));

  /** week, month and agenda all put the appointment on its day at 07:15 Rome time */
  async function expectInEveryView(): Promise<void> {
    const el = await mount(mediator.token, { date });
    await until(() => text(cellOf(el, date)).includes('07:15–08:15CAL-2026-001'), 'the appointment in the week');
    expect(text(cellOf(el, date))).to.include('00:30–01:30CAL-2026-002');
    // The day before, when this week shows it (not when the date is a Monday).
    const dayBefore = cellOf(el, addDays(date, -1));
    if (dayBefore) expect(text(dayBefore)).to.not.include('CAL-2026-002');
    expect(nameOf(cellOf(el, date))).to.equal(`${dayLabel(date, 'it')}, 2 appuntamenti`);
    expect($$(el, 'th[scope=row]').map(text)).to.deep.equal(['Li Wei']);
    await expect(el).to.be.accessible();

    el.view = 'month';
    await until(() => text(cellOf(el, date)).includes('07:15 CAL-2026-001'), 'the appointment in the month');
    expect(text(cellOf(el, date))).to.include('00:30 CAL-2026-002');
    expect($$(el, 'tbody td')).to.have.length.within(28, 42);
    await expect(el).to.be.accessible();

    el.view = 'agenda';
    await until(() => text($(el, '[part=agenda]')).includes('07:15–08:15'), 'the appointment in the agenda');
    const heading = $$(el, '[part=agenda] h3').find((h) => text(h) === dayLabel(date, 'it'))!;
    const [first, second] = [heading.nextElementSibling as HTMLElement, heading.nextElementSibling!.nextElementSibling as HTMLElement];
    expect(text(first)).to.include('00:30–01:30').and.include('CAL-2026-002');
    expect(text(second)).to.include('07:15–08:15').and.include('Via del Calendario 5').and.include('In presenza').and.include('Programmato');
    await expect(el).to.be.accessible();
  }

  it('shows the appointment on its day at its Rome time in the week, month and agenda views', async () => {
    await expectInEveryView();
  });

  it('shows the same day and times when the browser is in New York', async () => {
    await executeServerCommand('emulate-timezone', 'America/New_York');
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
    // The windows asked for: Rome's midnights, also on the days its clocks change.
    expect(dayStart('2026-03-29', ROME)).to.equal('2026-03-28T23:00:00.000Z');
    expect(dayStart('2026-03-30', ROME)).to.equal('2026-03-29T22:00:00.000Z');
    expect(dayStart('2026-10-25', ROME)).to.equal('2026-10-24T22:00:00.000Z');
    expect(dayStart('2026-10-26', ROME)).to.equal('2026-10-25T23:00:00.000Z');
    await expectInEveryView();
  });

  it('moves through the grid with the keyboard alone and opens the details of a day', async () => {
    const el = await mount(mediator.token, { date });
    await until(() => text(cellOf(el, date)).includes('07:15'), 'the appointment');
    // One tab stop: Tab from the last button lands on a cell, Tab again leaves the grid.
    for (let i = 0; i < 12 && focusedIn(el)?.localName !== 'td'; i++) await press('Tab');
    expect(focusedIn(el)?.id).to.equal('c0-0');
    expect($$(el, 'td[tabindex="0"]')).to.have.length(1);
    await press('ArrowRight');
    expect(focusedIn(el)?.id).to.equal('c0-1');
    await press('End');
    expect(focusedIn(el)?.id).to.equal('c0-6');
    await press('Home');
    expect(focusedIn(el)?.id).to.equal('c0-0');
    await press('ArrowDown');
    expect(focusedIn(el)?.id, 'one row only').to.equal('c0-0');

    const title = text($(el, '#title'));
    await press('PageDown');
    await until(() => text($(el, '#title')) !== title, 'the next week');
    expect(el.date).to.equal(addDays(date, 7));
    expect(focusedIn(el)?.id).to.equal('c0-0');
    await press('PageUp');
    await until(() => text($(el, '#title')) === title, 'the week again');
    await until(() => text(cellOf(el, date)).includes('07:15'), 'the week’s appointments again');

    // To the appointment's day: Monday is the first column.
    for (let i = 1; i < isoWeekday(date); i++) await press('ArrowRight');
    expect(nameOf(focusedIn(el))).to.equal(`${dayLabel(date, 'it')}, 2 appuntamenti`);
    const cell = focusedIn(el)!;
    let opened: string[] | undefined;
    el.addEventListener('ponte-appointment-open', (e) => (opened = e.detail.ids));
    await press('Enter');
    const details = await until(() => $(el, '#details'), 'the details');
    await until(() => focusedIn(el) === details, 'focus in the details');
    expect(text(details)).to.include('Orario07:15–08:15').and.include('LuogoVia del Calendario 5').and.include('Codice del casoCAL-2026-001').and.include('StatoProgrammato');
    expect(opened).to.have.length(2);
    // Placed by the popover class next to its cell.
    await until(() => details.style.position === 'fixed' && details.style.top !== '', 'the placement');
    await expect(el).to.be.accessible();
    await press('Escape');
    await until(() => !$(el, '#details'), 'the details closed');
    expect(focusedIn(el)).to.equal(cell);
    await press('Tab');
    expect(focusedIn(el)?.localName, 'Tab leaves the grid').to.not.equal('td');
  });

  it('lets a mediator add a weekly rule and an exception, and remove it; errors at the field', async () => {
    const before = await mediator.client.availability.get.query({});
    const el = await mount(mediator.token, { date });
    await until(() => $(el, 'summary'), 'the availability editor');
    $(el, 'summary')!.focus();
    await press('Enter');
    const rows = $$(el, 'form:first-of-type .row').length;
    expect(rows).to.equal(before.rules.length);

    // A new rule: Sunday, 08:00 to 12:30.
    const add = $$(el, 'button').find((b) => text(b) === 'Aggiungi fascia')!;
    add.focus();
    await press('Enter');
    const i = rows;
    (await tabTo(el, `rules.${i}.weekday`)).focus();
    await press('End');
    await tabTo(el, `rules.${i}.startTime`);
    await type(timeKeys('08:00'));
    await tabTo(el, `rules.${i}.endTime`);
    await type(timeKeys('12:30'));
    $$(el, 'button').find((b) => text(b) === 'Salva orari')!.focus();
    await press('Enter');
    await until(() => text($(el, '[role=status]')) === 'Salvato.', 'saved');
    const saved = await mediator.client.availability.get.query({});
    expect(saved.rules.map(({ weekday, startTime, endTime }) => ({ weekday, startTime, endTime }))).to.deep.include({ weekday: 7, startTime: '08:00', endTime: '12:30' });
    expect(saved.rules).to.have.length(before.rules.length + 1);

    // An exception with a start and no end: refused at the field, focus on it.
    const exceptionDate = addDays(date, 2);
    (await tabTo(el, 'date')).focus();
    await type(dateKeys(exceptionDate));
    await tabTo(el, 'startTime');
    await type(timeKeys('10:00'));
    $$(el, 'button').find((b) => text(b) === 'Aggiungi eccezione')!.focus();
    await press('Enter');
    const error = await until(() => $(el, '[id="endTime-error"]'), 'the error at the end time');
    expect(text(error)).to.not.equal('');
    await until(() => focusedIn(el)?.id === 'endTime', 'focus on the end time');
    await expect(el).to.be.accessible();
    await type(timeKeys('12:00'));
    await tabTo(el, 'note');
    await type('Formazione');
    await press('Enter');
    await until(() => text($(el, '[part=availability] ul')).includes('Formazione'), 'the exception listed');
    const added = (await mediator.client.availability.get.query({ fromDate: exceptionDate, toDate: exceptionDate })).exceptions;
    expect(added).to.have.length(1);
    expect(added[0]).to.include({ kind: 'unavailable', startTime: '10:00', endTime: '12:00', note: 'Formazione' });
    // The week's column heading shows the hours taken out.
    expect(text($$(el, 'th[scope=col]')[isoWeekday(exceptionDate) - 1])).to.include('−10:00–12:00');

    $$(el, '[part=availability] li button')[0]!.focus();
    await press('Enter');
    await until(() => !text($(el, '[part=availability] ul')).includes('Formazione'), 'the exception removed');
    expect((await mediator.client.availability.get.query({ fromDate: exceptionDate, toDate: exceptionDate })).exceptions).to.have.length(0);

    await mediator.client.availability.setRules.mutate({ rules: before.rules.map(({ weekday, startTime, endTime, validFrom, validTo }) => ({ weekday, startTime, endTime, validFrom, validTo })) });
  });

  it('shows a coordinator two mediators side by side, one row each, in the week and the day', async () => {
    const el = await mount(coordinator.token, { date, ids: `${li},${arshad}` });
    await until(() => $$(el, 'th[scope=row]').length === 2, 'two rows');
    expect($$(el, 'th[scope=row]').map(text)).to.deep.equal(['Li Wei', 'Arshad Mahmood']);
    await until(() => text(cellOf(el, date, 'Li Wei, ')).includes('07:15'), 'Li Wei’s appointment');
    expect(text(cellOf(el, date, 'Arshad Mahmood, '))).to.not.include('CAL-2026-001');
    expect($(el, 'summary'), 'no editor for two mediators').to.equal(null);
    // Down to the second mediator's row, and Ctrl+Home/End to the grid's corners.
    (await until(() => $(el, 'td[tabindex="0"]'), 'the tab stop')).focus();
    await press('ArrowDown');
    expect(nameOf(focusedIn(el))).to.match(/^Arshad Mahmood, /);
    await sendKeys({ down: 'Control' });
    await press('End');
    expect(focusedIn(el)?.id).to.equal('c1-6');
    await press('Home');
    expect(focusedIn(el)?.id).to.equal('c0-0');
    await sendKeys({ up: 'Control' });
    await expect(el).to.be.accessible();
    el.view = 'day';
    await until(() => $$(el, 'tbody td').length === 2, 'one day, two mediators');
    await expect(el).to.be.accessible();
  });

  it('speaks English with locale="en"', async () => {
    const el = await mount(mediator.token, { date, view: 'month', locale: 'en' });
    expect($$(el, '[role=group] button').map(text)).to.deep.equal(['Day', 'Week', 'Month', 'Agenda', 'Previous', 'Today', 'Next']);
    const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00Z`));
    expect(text($(el, '#title'))).to.include(month);
    await until(() => $$(el, 'tbody td').some((td) => nameOf(td).endsWith(', 2 appointments')), 'English names');
    await expect(el).to.be.accessible();
  });
});
