import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { reportKit, romeSchoolYear } from '../helpers/reports.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * organisations.hoursUsed: what the school questionnaire prefills, the
 * minutes a school's held sessions' reports count in a school year, read
 * with the school's own publishable key.
 */

for (const kind of await databaseKinds()) {
  describe(`organisations.hoursUsed on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
    });
    after(() => ts.close());

    it('adds up the minutes of the school’s held sessions, filed or countersigned, in the year asked or the current one', async () => {
      const manzoni = ts.client({ key: 'pk_demo_manzoni' });
      const rodari = ts.client({ key: 'pk_demo_rodari' });
      const year = romeSchoolYear();
      const [was, rodariWas] = [await manzoni.organisations.hoursUsed.query({}), await rodari.organisations.hoursUsed.query({ schoolYear: year })];
      assert.equal(was?.schoolYear, year);

      const coordinator = ts.client({ token: fx.coordinator });
      const kit = reportKit(ts, fx, coordinator);
      const amina = ts.client({ token: await signIn(ts, 'amina.elidrissi@demo.ponte.test') });
      const referent = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });
      const first = await kit.booked('amina');
      const held = await amina.reports.file.mutate({ appointmentId: first.appointment.id, data: kit.reportData(first.appointment) });
      const second = await kit.booked('amina');
      const signed = await amina.reports.file.mutate({ appointmentId: second.appointment.id, data: kit.reportData(second.appointment, { endTime: '11:00' }) });
      await referent.reports.countersign.mutate({ id: signed.id });
      const third = await kit.booked('amina');
      await amina.reports.file.mutate({ appointmentId: third.appointment.id, data: kit.notHeld(third.appointment) });

      const now = await manzoni.organisations.hoursUsed.query({ schoolYear: year });
      assert.ok(held.countedMinutes > 0 && signed.countedMinutes > 0);
      assert.equal(now!.minutesDelivered - was!.minutesDelivered, held.countedMinutes + signed.countedMinutes, 'held sessions only, filed or countersigned');
      assert.deepEqual(await rodari.organisations.hoursUsed.query({ schoolYear: year }), rodariWas, 'another school’s hours are its own');
      assert.deepEqual(await manzoni.organisations.hoursUsed.query({ schoolYear: '2040/41' }), { schoolYear: '2040/41', minutesDelivered: 0 });
    });

    it('answers null to a caller of no organisation', async () => {
      assert.equal(await ts.client({ token: fx.coordinator }).organisations.hoursUsed.query({}), null);
    });
  });
}
