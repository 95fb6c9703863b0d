import { countryName, DEFAULT_LIKERT_POINTS, fieldOptions, getForm, languageName, type FieldDefinition, type Locale } from '@ponte/forms';
import type { StaffCall } from '../service-call.js';
import { listOrganisations } from '../organisations/organisation.repository.js';
import { localStamps, toCsv, type Cell } from './csv.js';
import { questionsOf, type Question } from './questionnaire-questions.js';
import { QUESTIONNAIRE_FORM_ID, yearAnswers, type YearAnswer } from './questionnaire.service.js';

/*
 * The school questionnaire of a school year as a file for a spreadsheet
 * (csv.ts; docs/architecture.md#exports): a line per school that answered, with its answer standing (not
 * the revisions it replaced), and a column per question of the newest
 * version (questionnaire-questions.ts, the walk the results take), headed
 * and written in the caller's language. A choice is written as its label,
 * several joined; a yes/no as Sì or No; a rating as its point (1 … 5) or
 * "Non so"; a grid of ratings a column per row; repeated rows a column per
 * row value and number (pupils enrolled in primaria, pupils from Morocco).
 * The school is named by its record in Ponte, not by the form's fields:
 * the organisation, the e-mail and phone, and the school's code typed in
 * the form are not results and have no column (questionsOf).
 */

interface Column {
  header: string;
  cell(data: Readonly<Record<string, unknown>>): Cell;
}

const WORDS = {
  it: { school: 'Istituto', code: 'Codice meccanografico', protocol: 'Protocollo', answeredOn: 'Data della risposta', corrections: 'Correzioni', yes: 'Sì', no: 'No', dontKnow: 'Non so', file: 'ponte-questionario' },
  en: { school: 'School', code: 'School code', protocol: 'Protocol', answeredOn: 'Answered on', corrections: 'Corrections', yes: 'Yes', no: 'No', dontKnow: 'Don’t know', file: 'ponte-questionnaire' },
} as const satisfies Record<Locale, Record<string, string>>;

const joined = (parts: readonly string[]): Cell => (parts.length === 0 ? null : parts.join(', '));

/** A chosen value as a reader knows it: an option's label, a language's or a country's name (with its variety). */
function choiceLabel(field: FieldDefinition, value: unknown, locale: Locale): string | undefined {
  if (field.kind === 'language') {
    const language = value as { code?: unknown; variety?: unknown } | null;
    if (typeof language?.code !== 'string') return undefined;
    const name = languageName(language.code, locale);
    return typeof language.variety === 'string' && language.variety !== '' ? `${name} (${language.variety})` : name;
  }
  if (typeof value !== 'string' || value === '') return undefined;
  if (field.kind === 'country') return countryName(value, locale);
  return fieldOptions(field)?.find((o) => o.value === value)?.label[locale] ?? value;
}

const numberOrNull = (value: unknown): Cell => (typeof value === 'number' ? value : null);
const textOrNull = (value: unknown): Cell => (typeof value === 'string' && value !== '' ? value : null);
const valuesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** The row values a group's columns are made for: the choice's own options, or else (countries, languages) those answered. */
function rowValues(q: Extract<Question, { kind: 'rows' }>, answers: readonly YearAnswer[], locale: Locale): { value: string; label: string }[] {
  const options = fieldOptions(q.by);
  if (options) return options.map((o) => ({ value: o.value, label: o.label[locale] }));
  const answered = new Set<string>();
  for (const { data } of answers) {
    for (const item of valuesOf(data[q.field.key]) as Record<string, unknown>[]) {
      const value = item?.[q.by.key];
      if (typeof value === 'string') answered.add(value);
    }
  }
  return [...answered].map((value) => ({ value, label: choiceLabel(q.by, value, locale) ?? value })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

function columnsOf(q: Question, answers: readonly YearAnswer[], locale: Locale): Column[] {
  const words = WORDS[locale];
  const label = q.field.label[locale];
  const { key } = q.field;
  switch (q.kind) {
    case 'choices':
      return [{ header: label, cell: (data) => joined(valuesOf(data[key]).flatMap((v) => choiceLabel(q.field, v, locale) ?? [])) }];
    case 'yesNo':
      return [{ header: label, cell: (data) => (data[key] === true ? words.yes : data[key] === false ? words.no : null) }];
    case 'number':
      return [{ header: label, cell: (data) => numberOrNull(data[key]) }];
    case 'texts':
      return [{ header: label, cell: (data) => textOrNull(data[key]) }];
    case 'ratings': {
      const points = q.field.points ?? DEFAULT_LIKERT_POINTS;
      const rating = (value: unknown): Cell => (value === 'dontKnow' ? words.dontKnow : typeof value === 'number' ? value : null);
      if (q.field.kind === 'likert') return [{ header: `${label} (1–${points})`, cell: (data) => rating(data[key]) }];
      return q.field.rows.map((row) => ({
        header: `${label} — ${row.label[locale]} (1–${points})`,
        cell: (data) => rating((data[key] as Record<string, unknown> | undefined)?.[row.key]),
      }));
    }
    case 'rows':
      // A row value answered twice in one answer is summed, as the results sum it.
      return rowValues(q, answers, locale).flatMap(({ value, label: valueLabel }) =>
        q.summed.map((number) => ({
          header: `${label} — ${valueLabel} — ${number.label[locale]}`,
          cell: (data) => {
            const items = (valuesOf(data[key]) as Record<string, unknown>[]).filter((item) => item?.[q.by.key] === value);
            const numbers = items.map((item) => item[number.key]).filter((n): n is number => typeof n === 'number');
            return numbers.length === 0 ? null : numbers.reduce((sum, n) => sum + n, 0);
          },
        })),
      );
  }
}

/**
 * `indicators.questionnaireCsv`: the answers standing of a school year, one
 * line per school in the order of their names. Coordinators and admins (the
 * router checks); the caller's tenant only.
 */
export async function questionnaireCsv(call: StaffCall, { schoolYear }: { schoolYear: string }): Promise<{ filename: string; content: string }> {
  const { locale } = call;
  const words = WORDS[locale];
  const [answers, organisations, { timeZone }] = await Promise.all([yearAnswers(call, schoolYear), listOrganisations(call.db, call.who.tenantId), call.tenant()]);
  const columns = questionsOf(getForm(QUESTIONNAIRE_FORM_ID)!).flatMap((q) => columnsOf(q, answers, locale));
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const local = localStamps(timeZone);
  const lines = answers
    .map((a) => ({ a, name: byId.get(a.organisationId)?.name ?? a.organisationId }))
    .sort((x, y) => x.name.localeCompare(y.name, locale))
    .map(({ a, name }): Cell[] => [
      name,
      byId.get(a.organisationId)?.mechanographicCode ?? null,
      a.protocol,
      local.date(a.answeredAt),
      a.corrections,
      ...columns.map((c) => c.cell(a.data)),
    ]);
  const header = [words.school, words.code, words.protocol, words.answeredOn, words.corrections, ...columns.map((c) => c.header)];
  return { filename: `${words.file}_${schoolYear.replace('/', '-')}.csv`, content: toCsv(header, lines, locale) };
}
