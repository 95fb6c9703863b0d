/*
 * The form the peers draw in the first-load benchmark: 35 fields on 7
 * pages, of the kinds and in about the proportions of Ponte's A.1 form
 * (short and long text, choice lists, radios, checkboxes, dates, numbers,
 * e-mail, phone, consents), written once and expressed in SurveyJS's and
 * Form.io's own JSON.
 */

type Kind = 'text' | 'textarea' | 'select' | 'radio' | 'checkboxes' | 'date' | 'number' | 'email' | 'phone' | 'consent';

/** Seven pages of five fields: 12 text, 3 long text, 5 lists, 3 radios, 2 checkbox groups, 2 dates, 2 numbers, e-mail, phone, 4 consents. */
const PAGES: Kind[][] = [
  ['text', 'text', 'select', 'email', 'phone'],
  ['text', 'text', 'radio', 'number', 'textarea'],
  ['text', 'select', 'checkboxes', 'number', 'date'],
  ['text', 'text', 'radio', 'select', 'textarea'],
  ['select', 'text', 'checkboxes', 'date', 'radio'],
  ['text', 'text', 'select', 'textarea', 'consent'],
  ['text', 'text', 'consent', 'consent', 'consent'],
];

/** A list's choices: as many as a short list of Ponte's (an AZIONE, a school order, a mode…). */
const CHOICES = Array.from({ length: 12 }, (_, i) => `Opzione ${i + 1}`);
const FEW_CHOICES = CHOICES.slice(0, 4);

interface Field {
  name: string;
  title: string;
  kind: Kind;
}

function pages(): { title: string; fields: Field[] }[] {
  let n = 0;
  return PAGES.map((kinds, p) => ({
    title: `Passo ${p + 1}`,
    fields: kinds.map((kind) => {
      n++;
      return { name: `field${n}`, title: `Domanda ${n}`, kind };
    }),
  }));
}

export const PEER_FIELDS = PAGES.flat().length;
export const PEER_PAGES = PAGES.length;

function surveyElement(f: Field): Record<string, unknown> {
  const base = { name: f.name, title: f.title, isRequired: f.kind !== 'consent' };
  switch (f.kind) {
    case 'text':
      return { ...base, type: 'text' };
    case 'textarea':
      return { ...base, type: 'comment' };
    case 'select':
      return { ...base, type: 'dropdown', choices: CHOICES };
    case 'radio':
      return { ...base, type: 'radiogroup', choices: FEW_CHOICES };
    case 'checkboxes':
      return { ...base, type: 'checkbox', choices: FEW_CHOICES };
    case 'date':
      return { ...base, type: 'text', inputType: 'date' };
    case 'number':
      return { ...base, type: 'text', inputType: 'number' };
    case 'email':
      return { ...base, type: 'text', inputType: 'email' };
    case 'phone':
      return { ...base, type: 'text', inputType: 'tel' };
    case 'consent':
      return { ...base, type: 'boolean', renderAs: 'checkbox', label: `${f.title}: acconsento` };
  }
}

/** SurveyJS's survey JSON: one page per step, a progress bar as Ponte's step list. */
export function surveyJson(): Record<string, unknown> {
  return {
    title: 'Richiesta di mediazione (35 campi)',
    showProgressBar: 'top',
    pages: pages().map((p, i) => ({ name: `page${i + 1}`, title: p.title, elements: p.fields.map(surveyElement) })),
  };
}

const values = (choices: string[]) => choices.map((label, i) => ({ label, value: `o${i + 1}` }));

function formioComponent(f: Field): Record<string, unknown> {
  const base = { key: f.name, label: f.title, input: true, validate: { required: f.kind !== 'consent' } };
  switch (f.kind) {
    case 'text':
      return { ...base, type: 'textfield' };
    case 'textarea':
      return { ...base, type: 'textarea' };
    case 'select':
      return { ...base, type: 'select', widget: 'choicesjs', dataSrc: 'values', data: { values: values(CHOICES) } };
    case 'radio':
      return { ...base, type: 'radio', values: values(FEW_CHOICES) };
    case 'checkboxes':
      return { ...base, type: 'selectboxes', values: values(FEW_CHOICES) };
    case 'date':
      return { ...base, type: 'datetime', enableTime: false, format: 'yyyy-MM-dd' };
    case 'number':
      return { ...base, type: 'number' };
    case 'email':
      return { ...base, type: 'email' };
    case 'phone':
      return { ...base, type: 'phoneNumber' };
    case 'consent':
      return { ...base, type: 'checkbox', label: `${f.title}: acconsento` };
  }
}

/** Form.io's form JSON: a wizard, one panel per page. */
export function formioJson(): Record<string, unknown> {
  return {
    title: 'Richiesta di mediazione (35 campi)',
    display: 'wizard',
    components: pages().map((p, i) => ({ type: 'panel', key: `page${i + 1}`, title: p.title, input: false, components: p.fields.map(formioComponent) })),
  };
}
