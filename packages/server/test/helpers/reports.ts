import type { FormId } from '@ponte/forms';
import { hoursAgo, sendRequest } from './requests.js';
import { sampleFor } from './samples.js';
import type { SchedulingFixture } from './scheduling.js';
import type { TestServer } from './test-server.js';

type Client = ReturnType<TestServer['client']>;
type Org = 'manzoni' | 'rodari' | 'servizi';

/** The local date of an instant in the demo Ambito's zone. */
export function romeDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The school year of today, 1 September to 31 August. */
export function romeSchoolYear(): string {
  const today = new Date();
  const start = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

const ORG_OF = { 'school-request': 'manzoni', 'service-request': 'servizi', 'ethnoclinical-request': 'servizi' } as const;
const KEY_OF = { manzoni: 'pk_demo_manzoni', rodari: 'pk_demo_rodari', servizi: 'pk_demo_servizi' } as const;

/**
 * Whole-day extra availability of a mediator, added by a coordinator, on the
 * local days a meeting touches: how a clinician, who books inside
 * availability, books a session in the past. A day opened before (CONFLICT) stays open.
 */
export async function openDays(coordinator: Client, mediatorId: string, start: string, minutes: number): Promise<void> {
  const days = new Set([romeDate(start), romeDate(new Date(Date.parse(start) + minutes * 60_000 - 1).toISOString())]);
  for (const date of days) {
    await coordinator.availability.addException.mutate({ mediatorId, date, kind: 'available' }).catch((error: { data?: { code?: string } }) => {
      if (error.data?.code !== 'CONFLICT') throw error;
    });
  }
}

/** The fields of the report forms shown only when the session was held. */
const HELD_ONLY = ['languageUsed', 'activityTypes', 'mode', 'venue', 'briefingMinutes', 'debriefingMinutes', 'participantsPupils', 'participantsParents', 'participantsTeachers', 'participantsOthers', 'participantsAdults', 'participantsMinors', 'participantsOperators', 'beneficiaries', 'description', 'outcome', 'followUpNeeded', 'followUpDetails'];

/** Booking and report data for report tests on a demo-seeded server; each booking takes its own past hour. */
export function reportKit(ts: TestServer, fx: SchedulingFixture, coordinator: Client) {
  let slot = 20;
  const pastSlot = () => hoursAgo((slot += 2));

  /** An approved request, sent by its organisation's key or `sentBy`, with one 60-minute appointment of the mediator. */
  async function booked(
    mediator: 'amina' | 'rahim',
    options: { formId?: FormId; org?: Org; start?: string; approveAs?: Client; sentBy?: string } = {},
  ) {
    const formId = options.formId ?? 'school-request';
    const org = options.org ?? ORG_OF[formId as keyof typeof ORG_OF];
    const r = await sendRequest(ts, formId, fx.orgs[org], options.sentBy ? { token: options.sentBy } : { key: KEY_OF[org] });
    const reviewer = options.approveAs ?? coordinator;
    await reviewer.requests.review.mutate({ id: r.id });
    await reviewer.requests.approve.mutate({ id: r.id, hoursAuthorised: 4 });
    const start = options.start ?? pastSlot();
    // An A.5 is booked by its clinician (scheduling/consultations.ts), who books inside availability: the coordinator opens the day first.
    const booker = formId === 'ethnoclinical-request' ? reviewer : coordinator;
    if (booker !== coordinator) await openDays(coordinator, fx.mediators[mediator]!, start, 60);
    const { appointments } = await booker.scheduling.book.mutate({
      mediatorId: fx.mediators[mediator]!,
      organisationId: fx.orgs[org],
      submissionId: r.id,
      action: org === 'servizi' ? '2' : '1',
      start,
      durationMinutes: 60,
      mode: 'video',
    });
    return { request: r, appointment: appointments[0]! };
  }

  /** A held report's data: the form's sample on the appointment's day, 10:00–11:15 unless changed. */
  function reportData(appointment: { startsAt: string; organisationId: string }, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const formId = appointment.organisationId === fx.orgs.servizi ? 'service-report' : 'school-report';
    return { ...sampleFor(formId, appointment.organisationId), sessionDate: romeDate(appointment.startsAt), startTime: '10:00', endTime: '11:15', ...extra };
  }

  /** A not-held report's data: the family or user absent, two hours' notice unless changed. */
  function notHeld(appointment: { startsAt: string; organisationId: string }, extra: Record<string, unknown> = {}) {
    const absent = appointment.organisationId === fx.orgs.servizi ? 'assenza-utente' : 'assenza-famiglia';
    const data = reportData(appointment, { status: 'non-svolto', noticeHours: 2, notHeldReason: absent, ...extra });
    for (const key of HELD_ONLY) delete data[key];
    return data;
  }

  return { pastSlot, booked, reportData, notHeld };
}
