import { DEFAULT_LIKERT_POINTS, type FieldDefinition, type FormDefinition } from '@ponte/forms';
import { questionsOf, type Question } from './questionnaire-questions.js';

/*
 * The school questionnaire's answers of one school year, added up question
 * by question from the form's own definition, so that a new version's
 * questions are counted without code of their own. Keys and stored values
 * only: the labels are the definition's (forms.get), in either language.
 */

export interface ValueCount {
  value: string;
  count: number;
}

export type QuestionResult =
  /** one or more choices from a list (select, radio, multiselect, school levels, languages, countries): how many answers chose each */
  | { key: string; kind: 'choices'; answered: number; counts: ValueCount[] }
  | { key: string; kind: 'yesNo'; yes: number; no: number }
  | { key: string; kind: 'number'; answered: number; sum: number; mean: number | null }
  /** a rating scale per row: how many answers gave each point (1 … points), how many did not know, and the mean of those who rated */
  | { key: string; kind: 'ratings'; points: number; rows: { key: string; answered: number; dontKnow: number; counts: number[]; mean: number | null }[] }
  /** repeated rows (pupils by school level, by citizenship): each number summed over the answers, by the row's first choice */
  | { key: string; kind: 'rows'; by: string; totals: { value: string; sums: Record<string, number> }[] }
  /** free text (short or long), by the school that wrote it */
  | { key: string; kind: 'texts'; texts: { organisationId: string; text: string }[] };

export interface QuestionnaireAnswer {
  organisationId: string;
  data: Record<string, unknown>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (sum: number, n: number) => (n === 0 ? null : round2(sum / n));
const byValue = (counts: Map<string, number>): ValueCount[] =>
  [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

/** A choice as counted: its value; a language by its code and, where given, its variety ('ara:Darija'). */
function choiceValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  const language = value as { code?: unknown; variety?: unknown } | null;
  if (typeof language?.code !== 'string') return undefined;
  return typeof language.variety === 'string' && language.variety !== '' ? `${language.code}:${language.variety}` : language.code;
}

function choices(field: FieldDefinition, answers: readonly QuestionnaireAnswer[]): QuestionResult {
  const counts = new Map<string, number>();
  let answered = 0;
  for (const { data } of answers) {
    const value = data[field.key];
    const chosen = (Array.isArray(value) ? value : [value]).map(choiceValue).filter((v): v is string => v !== undefined);
    if (chosen.length > 0) answered++;
    for (const v of new Set(chosen)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { key: field.key, kind: 'choices', answered, counts: byValue(counts) };
}

function numbers(field: FieldDefinition, answers: readonly QuestionnaireAnswer[]): QuestionResult {
  let answered = 0;
  let sum = 0;
  for (const { data } of answers) {
    const value = data[field.key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    answered++;
    sum += value;
  }
  return { key: field.key, kind: 'number', answered, sum: round2(sum), mean: mean(sum, answered) };
}

/** A rating scale (likert) or a grid of them (likertMatrix); a single scale is a grid of one row, named as the question. */
function ratings(field: Extract<FieldDefinition, { kind: 'likert' | 'likertMatrix' }>, answers: readonly QuestionnaireAnswer[]): QuestionResult {
  // As the forms compiler reads a scale (field-schemas.ts).
  const points = field.points ?? DEFAULT_LIKERT_POINTS;
  const single = field.kind === 'likert';
  const rowKeys = single ? [field.key] : field.rows.map((row) => row.key);
  const rows = rowKeys.map((rowKey) => {
    const counts = new Array<number>(points).fill(0);
    let dontKnow = 0;
    for (const { data } of answers) {
      const value = single ? data[field.key] : (data[field.key] as Record<string, unknown> | undefined)?.[rowKey];
      if (value === 'dontKnow') dontKnow++;
      else if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= points) counts[value - 1]!++;
    }
    const rated = counts.reduce((n, c) => n + c, 0);
    const total = counts.reduce((n, c, i) => n + c * (i + 1), 0);
    return { key: rowKey, answered: rated + dontKnow, dontKnow, counts, mean: mean(total, rated) };
  });
  return { key: field.key, kind: 'ratings', points, rows };
}

function groupRows({ field, by, summed }: Extract<Question, { kind: 'rows' }>, answers: readonly QuestionnaireAnswer[]): QuestionResult {
  const totals = new Map<string, Record<string, number>>();
  for (const { data } of answers) {
    const items = data[field.key];
    if (!Array.isArray(items)) continue;
    for (const item of items as Record<string, unknown>[]) {
      const value = item?.[by.key];
      if (typeof value !== 'string') continue;
      const sums = totals.get(value) ?? Object.fromEntries(summed.map((f) => [f.key, 0]));
      for (const f of summed) if (typeof item[f.key] === 'number') sums[f.key]! += item[f.key] as number;
      totals.set(value, sums);
    }
  }
  return { key: field.key, kind: 'rows', by: by.key, totals: [...totals].map(([value, sums]) => ({ value, sums })).sort((a, b) => a.value.localeCompare(b.value)) };
}

function texts(field: FieldDefinition, answers: readonly QuestionnaireAnswer[]): QuestionResult {
  const list = answers.flatMap(({ organisationId, data }) => {
    const text = data[field.key];
    return typeof text === 'string' && text.trim() !== '' ? [{ organisationId, text }] : [];
  });
  return { key: field.key, kind: 'texts', texts: list };
}

function resultOf(q: Question, answers: readonly QuestionnaireAnswer[]): QuestionResult {
  switch (q.kind) {
    case 'choices':
      return choices(q.field, answers);
    case 'yesNo':
      return {
        key: q.field.key,
        kind: 'yesNo',
        yes: answers.filter((a) => a.data[q.field.key] === true).length,
        no: answers.filter((a) => a.data[q.field.key] === false).length,
      };
    case 'number':
      return numbers(q.field, answers);
    case 'ratings':
      return ratings(q.field, answers);
    case 'rows':
      return groupRows(q, answers);
    case 'texts':
      return texts(q.field, answers);
  }
}

/** Every question of `def` (questionnaire-questions.ts) added up, in the order the form asks them. */
export function questionnaireResults(def: FormDefinition, answers: readonly QuestionnaireAnswer[]): QuestionResult[] {
  return questionsOf(def).map((q) => resultOf(q, answers));
}
