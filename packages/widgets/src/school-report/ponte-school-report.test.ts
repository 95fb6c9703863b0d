/// <reference types="mocha" />
import './ponte-school-report.js';
import { expect, fixture } from '@open-wc/testing';
import { countersignSection, SAMPLE_SUBMISSIONS, type FormDefinition } from '@ponte/forms';
import { createPonteClient } from '@ponte/sdk';
import { fillByKeyboard } from '../internal/testing/fill-by-keyboard.js';
import { heldStart } from '../internal/testing/held-start.js';
import { runFormWidgetSuite, signIn } from '../internal/testing/form-widget-suite.js';
import { dateKeys, focusedIn, press, tabTo, tabToSubmit, timeKeys, type, until } from '../internal/testing/keyboard.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-school-report>', () => {
  runFormWidgetSuite({
    tag: 'ponte-school-report',
    formId: 'school-report',
    sender: { mediator: { email: 'amina.elidrissi@demo.ponte.test', forKey: ponteTest().keys.school, hoursAgo: 74 }, reader: 'coordinatrice@demo.ponte.test' },
    // The session's date and times come prefilled from the appointment.
    firstRequired: 'status',
  });

  it('says, without appointment-id, that a report is filed for a session, and offers no form', async () => {
    const host = document.createElement('ponte-school-report') as HTMLElement & { token?: string };
    host.setAttribute('api', ponteTest().api);
    host.token = (await signIn('amina.elidrissi@demo.ponte.test')).token;
    const el = await fixture<HTMLElement>(host);
    const notice = await until(() => el.shadowRoot?.querySelector('.error-box'), 'the notice');
    expect(notice.textContent).to.contain('manca appointment-id');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('with appointment-id', () => {
    const ROME = 'Europe/Rome';
    const romeDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ROME }).format(d);
    const romeTime = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

    /** A meeting of Amina's at the Manzoni school that began `hoursAgo`: coordinators may record one already held. */
    async function heldAppointment(hoursAgo: number) {
      const { api, keys } = ponteTest();
      const coordinator = (await signIn('coordinatrice@demo.ponte.test')).client;
      const school = await createPonteClient({ url: api, publishableKey: keys.school }).organisations.current.query();
      const amina = (await coordinator.mediators.list.query({})).find((m) => m.displayName.includes('Amina'))!;
      const start = heldStart(hoursAgo);
      const booked = await coordinator.scheduling.book.mutate({
        mediatorId: amina.id,
        organisationId: school!.id,
        action: '1',
        start: start.toISOString(),
        durationMinutes: 60,
        mode: 'video',
      });
      return { id: booked.appointments[0]!.id, start, end: new Date(start.getTime() + 60 * 60_000) };
    }

    it('lets the mediator correct the prefilled date and times by typing over them', async function () {
      this.timeout(60_000);
      const appointment = await heldAppointment(30);
      const host = document.createElement('ponte-school-report') as HTMLElement & { token?: string };
      host.setAttribute('api', ponteTest().api);
      host.setAttribute('appointment-id', appointment.id);
      host.token = (await signIn('amina.elidrissi@demo.ponte.test')).token;
      const el = await fixture<HTMLElement>(host);
      await until(() => el.shadowRoot?.querySelector('form'), 'the form to load');
      const control = (key: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#f-${key}`)!;
      expect(control('startTime').value).to.equal(romeTime(appointment.start));

      // Each key leaves the control partly typed for a moment: what is typed so far must stay.
      const earlier = new Date(appointment.start.getTime() - 24 * 3_600_000 - 30 * 60_000);
      await tabTo(el, 'f-sessionDate');
      await type(dateKeys(romeDate(earlier)));
      await tabTo(el, 'f-startTime');
      await type(timeKeys(romeTime(earlier)));
      expect(control('sessionDate').value).to.equal(romeDate(earlier));
      expect(control('startTime').value).to.equal(romeTime(earlier));
      expect(control('endTime').value).to.equal(romeTime(appointment.end));
    });

    it('files the report of the mediator’s own appointment, without the countersignature', async function () {
      this.timeout(120_000);
      const appointment = await heldAppointment(26);
      const { token, client } = await signIn('amina.elidrissi@demo.ponte.test');
      const host = document.createElement('ponte-school-report') as HTMLElement & { token?: string };
      host.setAttribute('api', ponteTest().api);
      host.setAttribute('appointment-id', appointment.id);
      host.token = token;
      const el = await fixture<HTMLElement>(host);
      await until(() => el.shadowRoot?.querySelector('form'), 'the form to load');

      const full = (await createPonteClient({ url: ponteTest().api }).forms.get.query({ id: 'school-report' })) as FormDefinition;
      const countersign = countersignSection(full)!;
      const def = { ...full, sections: full.sections.filter((s) => s !== countersign.section) };
      const steps = [...el.shadowRoot!.querySelectorAll('[part~="steps"] li')].map((li) => li.textContent!.trim());
      expect(steps.join(' | ')).to.not.contain(countersign.section.title.it);

      // The session as booked is prefilled, on Rome's clock: the server holds the report's date to it.
      const booked = { sessionDate: romeDate(appointment.start), startTime: romeTime(appointment.start), endTime: romeTime(appointment.end) };
      for (const [key, value] of Object.entries(booked)) {
        expect(el.shadowRoot!.querySelector<HTMLInputElement>(`#f-${key}`)!.value, key).to.equal(value);
      }
      const sample = structuredClone(SAMPLE_SUBMISSIONS['school-report']) as Record<string, unknown>;
      for (const key of Object.keys(booked)) delete sample[key];
      await fillByKeyboard(el, def, sample);
      await until(() => el.shadowRoot?.querySelector('.review'), 'the summary step');
      expect(el.shadowRoot!.querySelector('.review')!.textContent).to.not.contain(countersign.section.title.it);

      const submitted = new Promise<CustomEvent>((resolve) => el.addEventListener('ponte-submitted', (e) => resolve(e as CustomEvent)));
      await tabToSubmit(el);
      await press('Enter');
      const filed = (await submitted).detail as { id: string; appointmentId: string; status: string };
      expect(filed.appointmentId).to.equal(appointment.id);
      expect(filed.status).to.equal('filed');
      await until(() => focusedIn(el)?.id === 'step-heading', 'focus on the receipt heading');
      await expect(el).to.be.accessible();

      const stored = await client.reports.get.query({ id: filed.id });
      expect(stored.deliveredMinutes).to.equal(60);
      expect((stored.data as Record<string, unknown>).description).to.equal(sample.description);
      expect(stored.data).to.not.have.property(countersign.signature);
    });
  });
});
