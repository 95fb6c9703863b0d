/// <reference types="mocha" />
import './ponte-school-questionnaire.js';
import { expect } from '@open-wc/testing';
import { SAMPLE_SUBMISSIONS } from '@ponte/forms';
import { createPonteClient } from '@ponte/sdk';
import { runFormWidgetSuite, signIn } from '../internal/testing/form-widget-suite.js';
import { heldStart } from '../internal/testing/held-start.js';
import { until } from '../internal/testing/keyboard.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-school-questionnaire>', () => {
  runFormWidgetSuite({
    tag: 'ponte-school-questionnaire',
    formId: 'school-questionnaire',
    sender: { key: ponteTest().keys.school, reader: 'coordinatrice@demo.ponte.test' },
    // The school year comes prefilled (the current one); the number of sites never does.
    firstRequired: 'sites',
  });

  it('comes with the current school year and the school’s hours of mediation from Ponte’s records', async function () {
    this.timeout(60_000);
    const { api, keys } = ponteTest();
    const ROME = 'Europe/Rome';
    const romeDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ROME }).format(d);
    const romeTime = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    const byKey = createPonteClient({ url: api, publishableKey: keys.school });

    // A session of the school's held and reported, so that its hours are not nothing.
    const coordinator = (await signIn('coordinatrice@demo.ponte.test')).client;
    const amina = await signIn('amina.elidrissi@demo.ponte.test');
    const school = (await byKey.organisations.current.query())!;
    const mediator = (await coordinator.mediators.list.query({})).find((m) => m.displayName.includes('Amina'))!;
    let booked: { id: string; start: Date } | undefined;
    for (let hoursAgo = 70; !booked && hoursAgo < 90; hoursAgo += 2) {
      const start = heldStart(hoursAgo);
      const answer = await coordinator.scheduling.book
        .mutate({ mediatorId: mediator.id, organisationId: school.id, action: '1', start: start.toISOString(), durationMinutes: 60, mode: 'video' })
        .catch(() => null);
      if (answer) booked = { id: answer.appointments[0]!.id, start };
    }
    const end = new Date(booked!.start.getTime() + 60 * 60_000);
    const data = { ...structuredClone(SAMPLE_SUBMISSIONS['school-report']), sessionDate: romeDate(booked!.start), startTime: romeTime(booked!.start), endTime: romeTime(end) };
    await amina.client.reports.file.mutate({ appointmentId: booked!.id, data });

    const used = (await byKey.organisations.hoursUsed.query({}))!;
    expect(used.minutesDelivered).to.be.greaterThan(0);
    const host = document.createElement('ponte-school-questionnaire');
    host.setAttribute('api', api);
    host.setAttribute('publishable-key', keys.school);
    document.body.append(host);
    try {
      // The year is on the first step, shown; the hours on a later one, held in the answers until then.
      const year = await until(() => host.shadowRoot?.querySelector<HTMLSelectElement>('#f-schoolYear'), 'the school year field');
      expect(year.value).to.equal(used.schoolYear);
      const answers = (host as unknown as { data: Record<string, unknown> }).data;
      expect(answers['mediationHours']).to.equal(Math.round((used.minutesDelivered / 60) * 2) / 2);
    } finally {
      host.remove();
    }
  });
});
