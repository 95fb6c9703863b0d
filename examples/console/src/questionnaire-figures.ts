import { formMeaning, type FieldDefinition, type FormDefinition } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { CATEGORY_COLORS, scaleColors, type FigureData } from './chart-figure.js';
import { childField, DONT_KNOW, fieldLabel, fieldsByKey, NO, pointLabels, ratingRowLabel, valueLabel, YES } from './questionnaire-labels.js';

export type QuestionnaireResults = PonteOutputs['indicators']['questionnaire'];
type Question = QuestionnaireResults['questions'][number];
type Of<K extends Question['kind']> = Extract<Question, { kind: K }>;
type Fields = Map<string, FieldDefinition>;

/** The questionnaire's results as the view draws them: in the form's order, alike questions gathered. */
export interface QuestionnaireFigures {
  /** counted answers (sites, hours): a table of how many answered, the sum and the mean */
  numbers: { key: string; label: string; answered: number; sum: number; mean: number | null }[];
  /** every yes/no question in one figure, and every other question that adds up in one of its own */
  figures: FigureData[];
  /** free text by school, for each question that asks for it */
  texts: { key: string; label: string; texts: { organisationId: string; text: string }[] }[];
}

const answeredNote = (n: number) => (n === 1 ? '1 scuola ha risposto' : `${n} scuole hanno risposto`);

function choices(q: Of<'choices'>, def: Fields): FigureData {
  const field = def.get(q.key);
  return {
    id: `q-${q.key}`,
    title: q.answered > 0 ? `${fieldLabel(field, q.key)} (${answeredNote(q.answered)})` : fieldLabel(field, q.key),
    unit: 'count',
    stacked: false,
    rowHeaders: ['Risposta'],
    series: [{ key: 'count', label: 'Scuole' }],
    rows: q.counts.map((c) => ({ key: c.value, headers: [valueLabel(field, c.value)], values: [c.count] })),
    empty: 'Nessuna risposta.',
  };
}

function ratings(q: Of<'ratings'>, def: Fields): FigureData {
  const field = def.get(q.key);
  const mean = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
  return {
    id: `q-${q.key}`,
    title: fieldLabel(field, q.key),
    unit: 'count',
    stacked: true,
    rowHeaders: ['Voce'],
    series: [
      ...pointLabels(field, q.points).map((label, i) => ({ key: `point-${i + 1}`, label: `${i + 1} – ${label}`, color: scaleColors(q.points)[i]! })),
      { key: 'dontKnow', label: DONT_KNOW, color: '#bfbfbf' },
    ],
    rows: q.rows
      .filter((r) => r.answered > 0)
      .map((r) => ({ key: r.key, headers: [ratingRowLabel(field, r.key)], values: [...r.counts, r.dontKnow], extra: [r.mean === null ? '—' : mean.format(r.mean)] })),
    extraColumns: [{ key: 'mean', label: 'Media' }],
    empty: 'Nessuna risposta.',
  };
}

function rows(q: Of<'rows'>, def: Fields): FigureData {
  const group = def.get(q.key);
  const by = childField(group, q.by);
  const summed = Object.keys(q.totals[0]?.sums ?? {});
  return {
    id: `q-${q.key}`,
    title: fieldLabel(group, q.key),
    unit: 'count',
    stacked: false,
    rowHeaders: [fieldLabel(by, q.by)],
    series: summed.map((key) => ({ key, label: fieldLabel(childField(group, key), key) })),
    rows: q.totals.map((t) => ({ key: t.value, headers: [valueLabel(by, t.value)], values: summed.map((k) => t.sums[k] ?? 0) })),
    empty: 'Nessuna risposta.',
  };
}

/** Every question of the results, labelled from the definition it was counted by. */
export function questionnaireFigures(results: QuestionnaireResults, definition: FormDefinition): QuestionnaireFigures {
  const def = fieldsByKey(definition);
  const out: QuestionnaireFigures = { numbers: [], figures: [], texts: [] };
  const yesNo: Of<'yesNo'>[] = results.questions.filter((q): q is Of<'yesNo'> => q.kind === 'yesNo');
  if (yesNo.length > 0) {
    out.figures.push({
      id: 'q-yes-no',
      title: 'Domande sì o no',
      unit: 'count',
      stacked: true,
      rowHeaders: ['Domanda'],
      series: [
        { key: 'yes', label: YES, color: CATEGORY_COLORS[2]! },
        { key: 'no', label: NO, color: CATEGORY_COLORS[5]! },
      ],
      rows: yesNo.filter((q) => q.yes + q.no > 0).map((q) => ({ key: q.key, headers: [fieldLabel(def.get(q.key), q.key)], values: [q.yes, q.no] })),
      empty: 'Nessuna risposta.',
    });
  }
  // The results are of one school year: how many answers name it says nothing.
  const meaning = formMeaning(definition.id, definition.version);
  const year = meaning?.kind === 'questionnaire' ? meaning.schoolYear : undefined;
  for (const q of results.questions) {
    if (q.key === year) continue;
    if (q.kind === 'number') out.numbers.push({ key: q.key, label: fieldLabel(def.get(q.key), q.key), answered: q.answered, sum: q.sum, mean: q.mean });
    else if (q.kind === 'choices') out.figures.push(choices(q, def));
    else if (q.kind === 'ratings') out.figures.push(ratings(q, def));
    else if (q.kind === 'rows') out.figures.push(rows(q, def));
    else if (q.kind === 'texts') out.texts.push({ key: q.key, label: fieldLabel(def.get(q.key), q.key), texts: q.texts });
  }
  return out;
}
