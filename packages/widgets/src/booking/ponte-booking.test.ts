/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { createPonteClient } from '@ponte/sdk';
import './ponte-booking.js';
import type { PonteBooking } from './ponte-booking.component.js';
import { focusedIn, press, tabTo, tabToButton, type, until } from '../internal/testing/keyboard.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

/*
 * The booking widget against the real server of the run, with the social
 * service's demo key: what a municipal portal embeds. The demo mediators'
 * weekly availability gives free times in the coming weeks.
 */

async function mount(locale = 'it'): Promise<PonteBooking> {
  const { api, keys } = ponteTest();
  const el = await fixture<PonteBooking>(html`<ponte-booking api=${api} publishable-key=${keys.service} locale=${locale}></ponte-booking>`);
  await until(() => el.shadowRoot?.getElementById('language'), 'the languages');
  return el;
}

const $ = (el: PonteBooking, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: PonteBooking, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

async function staffClient() {
  const { api, password } = ponteTest();
  const { token } = await createPonteClient({ url: api }).auth.signIn.mutate({ email: 'coordinatrice@demo.ponte.test', password });
  return createPonteClient({ url: api, token });
}

/** picks an option of a native select with the keyboard alone: focus it, then arrow down to the value */
async function chooseByKeyboard(el: PonteBooking, id: string, value: string): Promise<void> {
  const select = (await tabTo(el, id)) as HTMLSelectElement;
  for (let i = 0; i < 60 && select.value !== value; i++) await press('ArrowDown');
  expect(select.value).to.equal(value);
}

describe('<ponte-booking>', () => {
  it('offers only the languages the mediators speak, named in the page’s language, and is accessible', async () => {
    const el = await mount();
    const options = [...($(el, '#language') as HTMLSelectElement).options].map((o) => o.textContent!.trim());
    expect(options[0]).to.equal('Scegli una lingua');
    expect(options).to.include('arabo');
    expect(options).to.include('bengalese (Sylheti)');
    await expect(el).to.be.accessible();
    const node = findAccessibilityNode((await a11ySnapshot({})) as never, (n: { name?: string; role?: string }) => n.name === 'Lingua' && n.role === 'combobox');
    expect(node).to.not.equal(null);
  });

  it('asks for a language before searching, at the field', async () => {
    const el = await mount();
    await tabToButton(el, 'Cerca orari liberi');
    await press('Enter');
    const error = await until(() => $(el, '#language-error')?.textContent, 'the error');
    expect(error).to.equal('Lingua: scegli una lingua.');
    await until(() => focusedIn(el)?.id === 'language', 'focus on the language');
    await expect(el).to.be.accessible();
  });

  it('books a free time with the keyboard alone, in person, and offers the .ics of what was stored', async () => {
    const el = await mount();
    let booked: CustomEvent | undefined;
    el.addEventListener('ponte-booked', (e) => (booked = e));
    // Moroccan Arabic (ary), Darija: the demo's Amina.
    await chooseByKeyboard(el, 'language', 'ary');
    await until(() => $(el, '#variety'), 'the varieties of Moroccan Arabic');
    await chooseByKeyboard(el, 'variety', 'Darija');
    await tabToButton(el, 'Cerca orari liberi');
    await press('Enter');
    await until(() => focusedIn(el)?.id === 'slots-title', 'focus on the free times');
    expect($$(el, 'input[name=slot]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    // Into the radio group of times: Tab lands on the first, an arrow moves on and chooses.
    await press('Tab');
    expect((focusedIn(el) as HTMLInputElement).name).to.equal('slot');
    await press('ArrowRight');
    const chosen = focusedIn(el) as HTMLInputElement;
    expect(chosen.checked).to.equal(true);
    const start = chosen.value;
    await until(() => $(el, '#confirm-title'), 'the confirmation step');

    // Confirming without a place is refused at the field.
    await tabToButton(el, 'Conferma prenotazione');
    await press('Enter');
    await until(() => $(el, '#place-error'), 'the place error');
    expect(focusedIn(el)?.id).to.equal('place');
    await expect(el).to.be.accessible();
    // The place and the case code go into calendars: what they may hold is said where they are typed, and read out with them.
    const describedBy = (id: string) =>
      ($(el, `#${id}`)!.getAttribute('aria-describedby') ?? '').split(' ').map((ref) => el.shadowRoot!.getElementById(ref)?.textContent ?? '').join(' ');
    expect(describedBy('place')).to.contain('mai il nome di una persona');
    expect(describedBy('caseCode')).to.contain('mai un nome');
    await type('Via Roma 1, stanza 3');
    await tabTo(el, 'caseCode');
    await type('ss-2026-101');
    await tabToButton(el, 'Conferma prenotazione');
    await press('Enter');
    await until(() => focusedIn(el)?.id === 'booked-title', 'focus on the confirmation', 15_000);
    await expect(el).to.be.accessible();

    const appointment = booked!.detail as { id: string; startsAt: string; place: string; caseCode: string; mode: string };
    expect(new Date(appointment.startsAt).toISOString()).to.equal(new Date(start).toISOString());
    // What the widget says is what the server stored.
    const stored = await (await staffClient()).scheduling.get.query({ id: appointment.id });
    expect(stored).to.include({ place: 'Via Roma 1, stanza 3', caseCode: 'SS-2026-101', mode: 'in_person', status: 'scheduled' });
    expect(stored.startsAt).to.equal(appointment.startsAt);

    // The .ics: one event, the feeds' UID, at the instant stored.
    const link = $(el, 'a[download]') as HTMLAnchorElement;
    expect(link.textContent).to.contain('Aggiungi al calendario');
    expect(link.download).to.match(/^mediazione-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = decodeURIComponent(link.href.slice(link.href.indexOf(',') + 1));
    const cal = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(event.uid.startsWith(`${appointment.id}@`)).to.equal(true);
    expect(event.startDate.toJSDate().toISOString()).to.equal(new Date(stored.startsAt).toISOString());
    expect(event.summary).to.contain('SS-2026-101');
    expect(document.cookie).to.equal('');
  });

  it('books as signed-in staff: a coordinator’s token and the organisation booked for', async () => {
    const { api, password } = ponteTest();
    const { token } = await createPonteClient({ url: api }).auth.signIn.mutate({ email: 'coordinatrice@demo.ponte.test', password });
    const staff = createPonteClient({ url: api, token });
    const rodari = (await staff.organisations.list.query()).find((o) => o.name.includes('Rodari'))!;
    const el = await fixture<PonteBooking>(html`<ponte-booking api=${api} organisation-id=${rodari.id} action="1" .token=${token}></ponte-booking>`);
    await until(() => el.shadowRoot?.getElementById('language'), 'the languages');
    await chooseByKeyboard(el, 'language', 'sqi');
    ($$(el, 'input[name=mode]').find((r) => (r as HTMLInputElement).value === 'video') as HTMLInputElement).click();
    await tabToButton(el, 'Cerca orari liberi');
    await press('Enter');
    await until(() => $$(el, 'input[name=slot]').length > 0, 'free times');
    ($$(el, 'input[name=slot]')[0] as HTMLInputElement).click();
    await until(() => $(el, '#confirm-title'), 'the confirmation step');
    expect($(el, '#place'), 'no place asked for a video call').to.equal(null);
    await tabToButton(el, 'Conferma prenotazione');
    await press('Enter');
    await until(() => $(el, '#booked-title'), 'the confirmation', 15_000);
    const link = $(el, 'a[download]') as HTMLAnchorElement;
    const id = decodeURIComponent(link.href).match(/UID:([0-9a-f-]{36})@/)?.[1];
    const stored = await staff.scheduling.get.query({ id: id! });
    expect(stored).to.include({ organisationId: rodari.id, action: '1', mode: 'video' });
  });

  it('confirming again after a lost answer books once: the same key answers the same appointment', async () => {
    const el = await mount();
    await chooseByKeyboard(el, 'language', 'ukr');
    ($$(el, 'input[name=mode]').find((r) => (r as HTMLInputElement).value === 'phone') as HTMLInputElement).click();
    await tabToButton(el, 'Cerca orari liberi');
    await press('Enter');
    await until(() => $$(el, 'input[name=slot]').length > 0, 'free times');
    const radio = $$(el, 'input[name=slot]')[0] as HTMLInputElement;
    const start = radio.value;
    radio.click();
    await until(() => $(el, '#confirm-title'), 'the confirmation step');

    // The booking reaches the server, but its answer is lost, as when the connection drops.
    const realFetch = window.fetch;
    let lost = 0;
    window.fetch = (input, init) => {
      if (String(input).includes('scheduling.book') && lost === 0) {
        lost++;
        return realFetch(input, init).then(() => Promise.reject(new TypeError('Failed to fetch')));
      }
      return realFetch(input, init);
    };
    try {
      await tabToButton(el, 'Conferma prenotazione');
      await press('Enter');
      await until(() => $(el, '#alert'), 'the network error');
      await tabToButton(el, 'Conferma prenotazione');
      await press('Enter');
      await until(() => $(el, '#booked-title'), 'the confirmation', 15_000);
    } finally {
      window.fetch = realFetch;
    }
    expect(lost).to.equal(1);
    const staff = await staffClient();
    const servizi = (await staff.organisations.list.query()).find((o) => o.kind === 'service')!;
    const end = new Date(Date.parse(start) + 60 * 60_000).toISOString();
    const booked = (await staff.scheduling.list.query({ from: start, to: end, organisationId: servizi.id })).filter((a) => Date.parse(a.startsAt) === Date.parse(start) && a.status === 'scheduled');
    expect(booked).to.have.length(1);
  });

  it('when every mediator free at that time is taken meanwhile, says so and shows the free times again', async () => {
    const el = await mount('en');
    await chooseByKeyboard(el, 'language', 'ben');
    // Phone: no travel buffer, the quickest to reason about.
    await tabTo(el, 'duration');
    const phone = $$(el, 'input[name=mode]').find((r) => (r as HTMLInputElement).value === 'phone')!;
    phone.click();
    await tabToButton(el, 'Find free times');
    await press('Enter');
    await until(() => $$(el, 'input[name=slot]').length > 0, 'free times');
    const firstRadio = $$(el, 'input[name=slot]')[0] as HTMLInputElement;
    // Read now: Lit reuses the element for whatever time comes first after the refresh.
    const first = { value: firstRadio.value };
    firstRadio.click();
    await until(() => $(el, '#confirm-title'), 'the confirmation step');

    // Another page books every mediator free at that time first.
    const staff = await staffClient();
    const servizi = (await staff.organisations.list.query()).find((o) => o.kind === 'service')!;
    const slots = await staff.scheduling.freeSlots.query({ language: 'ben', from: first.value.slice(0, 10), to: first.value.slice(0, 10), durationMinutes: 60, mode: 'phone' });
    const taken = slots.days.flatMap((d) => d.slots).find((s) => s.start === first.value);
    expect(taken, 'the time is free for someone').to.exist;
    for (const mediatorId of taken!.mediatorIds) {
      await staff.scheduling.book.mutate({ mediatorId, organisationId: servizi.id, action: '2', start: first.value, durationMinutes: 60, mode: 'phone' });
    }

    await tabToButton(el, 'Confirm booking');
    await press('Enter');
    const alert = await until(() => $(el, '#alert')?.textContent?.trim(), 'the alert');
    expect(alert).to.equal('Someone has just booked that time: choose another one.');
    expect($$(el, 'input[name=slot]').some((r) => (r as HTMLInputElement).value === first.value)).to.equal(false);
    expect($(el, '#booked-title')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
