import type { Locale } from '@ponte/forms';

/* The calendar's own strings; day and month names come from Intl, the meeting modes and appointment statuses from @ponte/forms (vocabulary.ts). */
const CALENDAR_UI = {
  heading: { it: 'Calendario', en: 'Calendar' },
  views: { it: 'Vista', en: 'View' },
  day: { it: 'Giorno', en: 'Day' },
  week: { it: 'Settimana', en: 'Week' },
  month: { it: 'Mese', en: 'Month' },
  agenda: { it: 'Agenda', en: 'Agenda' },
  previous: { it: 'Precedente', en: 'Previous' },
  today: { it: 'Oggi', en: 'Today' },
  next: { it: 'Successivo', en: 'Next' },
  loading: { it: 'Caricamento…', en: 'Loading…' },
  count1: { it: '1 appuntamento', en: '1 appointment' },
  countN: { it: '{n} appuntamenti', en: '{n} appointments' },
  none: { it: 'Nessun appuntamento in questo periodo.', en: 'No appointments in this period.' },
  close: { it: 'Chiudi', en: 'Close' },
  mediator: { it: 'Mediatore', en: 'Mediator' },
  time: { it: 'Orario', en: 'Time' },
  place: { it: 'Luogo', en: 'Place' },
  organisation: { it: 'Organizzazione', en: 'Organisation' },
  caseCode: { it: 'Codice del caso', en: 'Case code' },
  status: { it: 'Stato', en: 'Status' },
  availability: { it: 'Disponibilità', en: 'Availability' },
  weekly: { it: 'Orari settimanali', en: 'Weekly hours' },
  weekday: { it: 'Giorno', en: 'Day' },
  from: { it: 'Dalle', en: 'From' },
  to: { it: 'Alle', en: 'To' },
  addRule: { it: 'Aggiungi fascia', en: 'Add hours' },
  remove: { it: 'Rimuovi', en: 'Remove' },
  save: { it: 'Salva orari', en: 'Save hours' },
  saved: { it: 'Salvato.', en: 'Saved.' },
  exceptions: { it: 'Eccezioni', en: 'Exceptions' },
  date: { it: 'Data', en: 'Date' },
  kind: { it: 'Tipo', en: 'Kind' },
  unavailable: { it: 'Non disponibile', en: 'Unavailable' },
  available: { it: 'Disponibile', en: 'Available' },
  note: { it: 'Nota', en: 'Note' },
  addException: { it: 'Aggiungi eccezione', en: 'Add exception' },
  allDay: { it: 'tutto il giorno', en: 'all day' },
} as const satisfies Record<string, { it: string; en: string }>;

export type CalendarUiKey = keyof typeof CALENDAR_UI;

/** a string in the widget's language, `{n}` filled */
export const say = (key: CalendarUiKey, locale: Locale, n?: number): string => CALENDAR_UI[key][locale].replace('{n}', String(n));

/** "3 appuntamenti" */
export const countLabel = (n: number, locale: Locale): string => say(n === 1 ? 'count1' : 'countN', locale, n);
