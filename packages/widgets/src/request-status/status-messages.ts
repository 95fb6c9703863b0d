import { REQUEST_STATUS_LABELS, type Locale, type RequestStatus } from '@ponte/forms';

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
} as const satisfies Record<string, { it: string; en: string }>;

export type StatusUiKey = keyof typeof STATUS_UI;

export const say = (key: StatusUiKey, locale: Locale): string => STATUS_UI[key][locale];

/** a submission status in words, Ponte's shared label (@ponte/forms vocabulary.ts); an unknown status shows its code */
export function statusName(status: string, locale: Locale): string {
  return Object.hasOwn(REQUEST_STATUS_LABELS, status) ? REQUEST_STATUS_LABELS[status as RequestStatus][locale] : status;
}
