import {
  APPOINTMENT_MODE_LABELS,
  APPOINTMENT_STATUS_LABELS,
  PLAN_ACTION_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_URGENCY_LABELS,
  type AppointmentMode,
  type AppointmentStatus,
  type PlanAction,
  type RequestUrgency,
} from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';

/*
 * How the console writes dates, statuses and hours, in Italian. Every time
 * is shown in the Ambito's zone (auth.me's timeZone; Europe/Rome in the
 * demo), whatever the browser's own zone.
 */

let zone = 'Europe/Rome';
let dateTime = new Intl.DateTimeFormat('it-IT', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });

/** The Ambito's zone, from the signed-in person (session.ts): every date and time below follows it. */
export function useZone(timeZone: string): void {
  zone = timeZone;
  dateTime = new Intl.DateTimeFormat('it-IT', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
}

export type RequestStatus = PonteOutputs['requests']['get']['status'];

/*
 * Statuses, modes, AZIONI and urgencies in Ponte's shared words (@ponte/forms
 * vocabulary.ts), the same the status widget and the server's messages use;
 * `inSentence` lower-cases the first letter for a word inside a line.
 */
export const statusLabel = (status: RequestStatus): string => REQUEST_STATUS_LABELS[status].it;
export const appointmentStatusLabel = (status: AppointmentStatus): string => APPOINTMENT_STATUS_LABELS[status].it;
export const modeLabel = (mode: AppointmentMode): string => APPOINTMENT_MODE_LABELS[mode].it;
export const actionLabel = (action: PlanAction): string => PLAN_ACTION_LABELS[action].it;
/** an urgency the queue stored; an unknown one shows as stored */
export const urgencyLabel = (urgency: string): string => (Object.hasOwn(REQUEST_URGENCY_LABELS, urgency) ? REQUEST_URGENCY_LABELS[urgency as RequestUrgency].it : urgency);
export const inSentence = (text: string): string => text.charAt(0).toLocaleLowerCase('it') + text.slice(1);
/** A name that starts a line or a cell: Intl writes Italian language names in lower case ("arabo"). */
export const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase('it') + text.slice(1);

export const FORM_LABELS: Record<string, string> = {
  'school-request': 'A.1 Scuola',
  'service-request': 'A.3 Servizi',
  'ethnoclinical-request': 'A.5 Etnoclinica',
};

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** 90 → "1,5 h" */
export function formatHours(minutes: number): string {
  return `${(minutes / 60).toLocaleString('it-IT', { maximumFractionDigits: 2 })} h`;
}

/** The wall-clock date and time of an instant in the Ambito's zone: what a date and a time input show. */
export function localParts(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/**
 * The instant of a wall-clock date and time in the Ambito's zone. The zone's
 * offset is read from Intl at that moment (twice, so that a time next to a
 * change of offset lands right), never added by hand.
 */
export function instantOf(localDate: string, localTime: string): string {
  const asUtc = Date.parse(`${localDate}T${localTime}:00Z`);
  const offsetAt = (ms: number) => {
    const { date: d, time: t } = localParts(new Date(ms).toISOString());
    return Date.parse(`${d}T${t}:00Z`) - ms;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first)).toISOString();
}
