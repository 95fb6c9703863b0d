import { html, type TemplateResult } from 'lit';
import { APPOINTMENT_MODE_LABELS, APPOINTMENT_STATUS_LABELS, type Locale } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { say as bookingSay } from '../booking/booking-messages.js';
import { say } from './calendar-messages.js';
import { wall } from '../internal/wall-clock.js';

export type Appointment = PonteOutputs['scheduling']['list'][number];

export interface DetailsContext {
  locale: Locale;
  zone: string;
  /** organisation id → name */
  organisations: Map<string, string>;
  /** the mediator's name, when the calendar shows several */
  mediatorName: (id: string | null) => string | undefined;
}

/** "10:00": the wall clock in the tenant's zone */
export const clock = (instant: string, zone: string): string => wall(instant, zone).slice(11, 16);

/**
 * What is known of an appointment, as label and value pairs. No child's
 * name: the server sends none (the case code is an internal code).
 */
export function details(a: Appointment, { locale, zone, organisations, mediatorName }: DetailsContext): TemplateResult {
  const pairs = [
    ['time', `${clock(a.startsAt, zone)}–${clock(a.endsAt, zone)}`],
    ['mediator', mediatorName(a.mediatorId)],
    ['mode', APPOINTMENT_MODE_LABELS[a.mode][locale]],
    ['place', a.place],
    ['organisation', organisations.get(a.organisationId)],
    ['caseCode', a.caseCode],
    ['status', APPOINTMENT_STATUS_LABELS[a.status][locale]],
  ] as const;
  return html`<dl class="values">${pairs.map(([key, value]) => (value ? html`<dt>${key === 'mode' ? bookingSay(key, locale) : say(key, locale)}</dt><dd>${value}</dd>` : ''))}</dl>`;
}
