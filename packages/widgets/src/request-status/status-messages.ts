import type { Locale } from '@ponte/forms';

/* The status checker's own strings: kept out of the chunk the form widgets share. */
const STATUS_UI = {
  statusHeading: { it: 'Stato della richiesta', en: 'Request status' },
  trackingCode: { it: 'Codice di tracciamento', en: 'Tracking code' },
  trackingHint: {
    it: 'Lo trovi nella ricevuta, nel formato XXXX-XXXX-XXXX-XXXX.',
    en: 'It is on your receipt, in the format XXXX-XXXX-XXXX-XXXX.',
  },
  check: { it: 'Verifica lo stato', en: 'Check status' },
  checking: { it: 'Verifica in corso…', en: 'Checking…' },
  statusLabel: { it: 'Stato', en: 'Status' },
  submittedAt: { it: 'Inviata il', en: 'Sent on' },
  updatedAt: { it: 'Ultimo aggiornamento', en: 'Last update' },
  trackingRequired: { it: 'Codice di tracciamento: campo obbligatorio.', en: 'Tracking code: this field is required.' },
  reason: { it: 'Motivo', en: 'Reason' },
  // The statuses of the request lifecycle (server: requests/lifecycle.ts).
  'status.received': { it: 'Ricevuta', en: 'Received' },
  'status.in_review': { it: 'In valutazione', en: 'Under review' },
  'status.approved': { it: 'Accolta', en: 'Approved' },
  'status.rejected': { it: 'Non accolta', en: 'Not approved' },
  'status.scheduled': { it: 'Appuntamento fissato', en: 'Appointment set' },
  'status.held': { it: 'Incontro svolto', en: 'Meeting held' },
  'status.not_held': { it: 'Incontro non svolto', en: 'Meeting not held' },
  'status.reported': { it: 'Resoconto inviato', en: 'Report filed' },
  'status.closed': { it: 'Conclusa', en: 'Closed' },
  'status.withdrawn': { it: 'Ritirata', en: 'Withdrawn' },
  'status.cancelled': { it: 'Annullata', en: 'Cancelled' },
} as const satisfies Record<string, { it: string; en: string }>;

export type StatusUiKey = keyof typeof STATUS_UI;

export const say = (key: StatusUiKey, locale: Locale): string => STATUS_UI[key][locale];

/** a submission status in words; an unknown status shows its code */
export function statusName(status: string, locale: Locale): string {
  const key = `status.${status}`;
  return key in STATUS_UI ? say(key as StatusUiKey, locale) : status;
}
