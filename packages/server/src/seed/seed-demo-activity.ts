import { formMeaning, getForm, SAMPLE_SUBMISSIONS, type FormId, type ReportMeaning } from '@ponte/forms';
import { DateTime } from 'luxon';
import type { ServerConfig } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { appRouter } from '../app.router.js';
import { createContextInner, type ContextInput } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/trpc.js';
import { planActionOf } from '../requests/lifecycle.js';
import { DEMO_PASSWORD } from './demo-data.js';

const createCaller = createCallerFactory(appRouter);

/** What a newcomer finds in the console after `npm start`: one request at each step. */
export interface DemoActivity {
  /** an A.1 just received from the Manzoni school: to take in charge */
  received: string;
  /** an A.3 of the social service, in review */
  inReview: string;
  /** an A.1 approved: its suggested mediators ready to book */
  approved: string;
  /** an A.1 held yesterday with Amina, her A.2 filed: for the school's referent to countersign */
  reported: string;
  /** an A.5 received: for the clinicians */
  consultation: string;
}

/**
 * A few days of work in the demo Ambito, done through the procedures as
 * people would do it (keys send, the coordinator reviews, approves and books,
 * the mediator files), so that the console opens on requests at every step
 * rather than on an empty queue. Only for a demo database just created
 * (`npm start` passes --demo-activity); never in production.
 */
export async function seedDemoActivity(config: ServerConfig, database: DatabaseHandle, now = new Date()): Promise<DemoActivity> {
  const as = (credentials: Pick<ContextInput, 'bearerToken' | 'publishableKey'>) =>
    createCaller(createContextInner({ db: database.db, dialect: database.dialect, config, now: () => now, ...credentials }));
  const staff = async (email: string) => as({ bearerToken: (await as({}).auth.signIn({ email, password: DEMO_PASSWORD })).token });
  const coordinator = await staff('coordinatrice@demo.ponte.test');
  const zone = (await coordinator.auth.me()).timeZone;

  // The next two weekdays in the Ambito's zone: the days the requests propose.
  const days: string[] = [];
  for (let d = DateTime.fromJSDate(now, { zone }).plus({ days: 1 }); days.length < 2; d = d.plus({ days: 1 })) {
    if (d.weekday <= 5) days.push(d.toISODate()!);
  }

  const send = async (key: string, formId: FormId) => {
    const sender = as({ publishableKey: key });
    const organisation = (await sender.organisations.current())!;
    const def = getForm(formId)!;
    const data: Record<string, unknown> = structuredClone({ ...SAMPLE_SUBMISSIONS[formId] });
    for (const field of def.sections.flatMap((s) => s.fields)) {
      if (field.kind === 'organisation') data[field.key] = organisation.id;
      if (field.kind === 'timeSlots') data[field.key] = days.map((date) => ({ date, from: '14:30', to: '15:30' }));
    }
    const { protocol } = await sender.submissions.submit({ formId, version: def.version, data });
    const { items } = await coordinator.requests.queue({ formId, limit: 100 });
    return { id: items.find((r) => r.protocol === protocol)!.id, organisationId: organisation.id };
  };
  const approve = async (id: string) => {
    await coordinator.requests.review({ id });
    await coordinator.requests.approve({ id, hoursAuthorised: 2 });
  };

  const received = await send('pk_demo_manzoni', 'school-request');
  const inReview = await send('pk_demo_servizi', 'service-request');
  await coordinator.requests.review({ id: inReview.id });
  const approved = await send('pk_demo_manzoni', 'school-request');
  await approve(approved.id);

  // Held yesterday at 10:00 with Amina (a coordinator may record a meeting already held), her report filed.
  const reported = await send('pk_demo_manzoni', 'school-request');
  await approve(reported.id);
  const amina = (await coordinator.mediators.list({})).find((m) => m.displayName === 'Amina El Idrissi')!;
  const start = DateTime.fromJSDate(now, { zone }).minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  const { appointments } = await coordinator.scheduling.book({
    mediatorId: amina.id,
    organisationId: reported.organisationId,
    submissionId: reported.id,
    action: planActionOf('school-request')!,
    start: start.toUTC().toISO()!,
    durationMinutes: 60,
    mode: 'video',
    caseCode: 'MZ-2026-014',
  });
  const { session } = formMeaning('school-report') as ReportMeaning;
  const report = { ...structuredClone(SAMPLE_SUBMISSIONS['school-report']), [session.date]: start.toISODate(), [session.start]: '10:00', [session.end]: '11:00' };
  await (await staff('amina.elidrissi@demo.ponte.test')).reports.file({ appointmentId: appointments[0]!.id, data: report });

  const consultation = await send('pk_demo_servizi', 'ethnoclinical-request');
  return { received: received.id, inReview: inReview.id, approved: approved.id, reported: reported.id, consultation: consultation.id };
}
