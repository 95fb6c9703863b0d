import fc from 'fast-check';

/*
 * Edge values for the property-based bad-input suite: what one field of a
 * valid input is replaced with. Each is drawn from an arbitrary weighted by
 * what the field held (an instant, a date, text, a number, a list…), so that
 * a date field mostly meets malformed and shifted dates and a number field
 * huge and negative numbers, while every field may meet any of them; an
 * instant or a date also meets every far value (everyFarValue).
 */

export type FieldKind = 'instant' | 'date' | 'string' | 'number' | 'boolean' | 'array' | 'object' | 'absent';

/** A replacement value, with a label where JSON would hide what it was (NaN and -0 are sent as null and 0). */
export interface Edge {
  value: unknown;
  label?: string;
  /** JSON text sent in place of RAW_JSON: nesting deeper than JSON.stringify can write */
  raw?: string;
}

/** Stands for an edge's raw JSON until the input is serialised (withRawJson). */
export const RAW_JSON = '__raw_json_edge__';

/** The input as JSON text, with an edge's raw JSON put in where it goes. */
export function withRawJson(json: string, e: Edge): string {
  return e.raw === undefined ? json : json.split(JSON.stringify(RAW_JSON)).join(e.raw);
}

/** What the field being replaced held, and the longest text its schema allows when that is known. */
export interface FieldAt {
  value: unknown;
  maxLength?: number;
}

const INSTANT = /^[+-]?\d{4,6}-\d{2}-\d{2}T/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function kindOf(value: unknown): FieldKind {
  if (value === undefined || value === null) return 'absent';
  if (typeof value === 'string') return INSTANT.test(value) ? 'instant' : DATE.test(value) ? 'date' : 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return Array.isArray(value) ? 'array' : 'object';
}

const edge = (value: unknown, label?: string): Edge => (label === undefined ? { value } : { value, label });
const constants = (...values: unknown[]) => fc.constantFrom(...values.map((v) => edge(v)));

const FAR_INSTANTS = [
  '3000-01-01T08:00:00Z',
  '9999-12-31T23:30:00Z',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2126-04-07T08:00:00Z',
  '1900-01-01T00:00:00Z',
] as const;
const FAR_DATES = ['3000-01-01', '9999-12-31', '0001-01-01', '+275760-09-13', '2126-04-07', '1900-01-01'] as const;
const MALFORMED_INSTANTS = ['2026-02-30', '2026-13-01T00:00:00Z', '', 'T', '2026-03-29T02:30:00', '2026-02-30T08:00:00Z', '2026-03-29T24:30:00Z'] as const;
const LONE_SURROGATES = ['A\ud800', '\udfff', 'x\ud800y'] as const;
const DIRECTION_MARKS = ['\u202e', '\u2066abc\u2069', '\u200f'] as const;

/** Instants and dates the calendar knows but no booking should span to: years away, the last ISO year, JavaScript's last day. */
const far = constants(...FAR_INSTANTS, ...FAR_DATES);
const malformed = constants(...MALFORMED_INSTANTS);

const shift = (text: string, years: number): Edge | undefined => {
  const match = /^(\d{4})(-.*)$/.exec(text);
  const year = match ? Number(match[1]) + years : 0;
  if (!match || year < 1 || year > 9999) return undefined;
  const moved = `${String(year).padStart(4, '0')}${match[2]}`;
  return edge(moved, `${JSON.stringify(moved)} (${years > 0 ? '+' : ''}${years} years, still well-formed)`);
};

/** The same instant or date years away: still well-formed, so it reaches the code behind the schema. */
function shifted(text: string): fc.Arbitrary<Edge> {
  const options = [100, -100, 1000, 1, -1].map((years) => shift(text, years)).filter((e): e is Edge => e !== undefined);
  return options.length > 0 ? fc.constantFrom(...options) : far;
}

/**
 * What every instant or date field meets besides its random draws: each far
 * value of its own format, and itself 100 years later and earlier (a series'
 * second date a century after its first, a window a century wide).
 */
export function everyFarValue(at: FieldAt): Edge[] {
  const kind = kindOf(at.value);
  if ((kind !== 'instant' && kind !== 'date') || typeof at.value !== 'string') return [];
  const moved = [shift(at.value, 100), shift(at.value, -100)].filter((e): e is Edge => e !== undefined);
  return [...(kind === 'instant' ? FAR_INSTANTS : FAR_DATES).map((v) => edge(v)), ...moved];
}

/** Lone surrogates, direction marks and NUL alone, around the field's own value, and mixed at random. */
function oddText(original: unknown): fc.Arbitrary<Edge> {
  const own = typeof original === 'string' ? original : 'testo';
  const units = fc.constantFrom('a', 'é', '😀', '\u0000', '\ud800', '\udfff', '\u202e', '\u2066', '\u2069', '\u200f', '\u001b', '\n');
  return fc.oneof(
    constants(...LONE_SURROGATES, ...DIRECTION_MARKS, '\u0000', 'a\u0000b'),
    constants(`${own}\ud800`, `\udfff${own}`, `\u202e${own}`, `\u2066${own}\u2069`, `${own}\u200f`, `${own}\u0000`, ` ${own} `),
    fc.string({ unit: units, minLength: 1, maxLength: 12 }).map((s) => edge(s)),
  );
}

const blank = constants('', ' ', '\u00a0', '\u200b');

/** Text at its limit (still valid, in UTF-16 units as the schema counts), one past it, and 100 000 characters. */
function longText(maxLength: number | undefined): fc.Arbitrary<Edge> {
  const sized = (text: string, what: string) => edge(text, `${JSON.stringify(text.slice(0, 6))}… (${what}, ${text.length} UTF-16 units)`);
  const options = [sized('a'.repeat(100_000), '100 000 characters')];
  if (maxLength !== undefined) {
    options.push(
      sized('a'.repeat(maxLength), 'exactly at the limit'),
      sized('é'.repeat(maxLength), 'exactly at the limit, 2 bytes each in UTF-8'),
      sized('😀'.repeat(Math.floor(maxLength / 2)), 'at the limit in surrogate pairs'),
      sized('a'.repeat(maxLength + 1), 'one past the limit'),
    );
  } else {
    options.push(sized('a'.repeat(1000), '1000 characters'), sized('a'.repeat(10_000), '10 000 characters'));
  }
  return fc.constantFrom(...options);
}

/** Huge, negative, fractional and non-finite numbers (JSON turns NaN and ±Infinity into null, -0 into 0). */
const numbers = fc.oneof(
  { weight: 3, arbitrary: constants(1e308, -1e308, -1, 0, 1.5, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 31, -(2 ** 31) - 1) },
  { weight: 1, arbitrary: fc.constantFrom(edge(-0, '-0 (sent as 0)'), edge(Number.NaN, 'NaN (sent as null)'), edge(Infinity, 'Infinity (sent as null)'), edge(-Infinity, '-Infinity (sent as null)')) },
  { weight: 1, arbitrary: fc.double().map((d) => (Number.isFinite(d) && !Object.is(d, -0) ? edge(d) : edge(d, `${String(d)} (sent as ${JSON.stringify(d)})`))) },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((n) => edge(n)) },
);

const wrongTypes = fc.constantFrom(
  edge(null),
  edge([]),
  edge({}),
  edge(true),
  edge(false),
  edge(undefined, 'absent (the key, or the list item, left out)'),
  edge('0'),
  edge('null'),
);

const nested = (depth: number, label: string): Edge => ({ value: RAW_JSON, raw: '['.repeat(depth) + ']'.repeat(depth), label });

/** Deep and huge lists; for a list, its own first item repeated far beyond any maximum. */
function lists(original: unknown): fc.Arbitrary<Edge> {
  const options = [
    nested(1000, '[[[…]]] nested 1000 deep'),
    nested(100_000, '[[[…]]] nested 100 000 deep'),
    edge(new Array<number>(100_000).fill(0), '[0, 0, …] 100 000 items'),
  ];
  if (Array.isArray(original) && original.length > 0) {
    const item = original[0];
    options.push(edge(new Array(1000).fill(item), `its first item ${JSON.stringify(item).slice(0, 60)} repeated 1000 times`));
    options.push(edge(new Array(10_000).fill(item), `its first item ${JSON.stringify(item).slice(0, 60)} repeated 10 000 times`));
  }
  return fc.constantFrom(...options);
}

/** An edge value for one field: every family may come up, the ones that fit what the field held most often. */
export function edgeFor(at: FieldAt): fc.Arbitrary<Edge> {
  const kind = kindOf(at.value);
  const temporal = kind === 'instant' || kind === 'date';
  const text = temporal || kind === 'string';
  const w = (base: number, ifFits: number, fits: boolean) => (fits ? ifFits : base);
  const families: fc.WeightedArbitrary<Edge>[] = [
    { weight: w(1, 2, temporal), arbitrary: far },
    { weight: w(1, 4, temporal), arbitrary: malformed },
    { weight: w(1, 3, text), arbitrary: oddText(at.value) },
    { weight: w(1, 2, text), arbitrary: blank },
    { weight: w(1, 3, kind === 'string'), arbitrary: longText(at.maxLength) },
    { weight: w(1, 6, kind === 'number'), arbitrary: numbers },
    { weight: w(2, 3, kind === 'boolean' || kind === 'object' || kind === 'absent'), arbitrary: wrongTypes },
    { weight: w(1, 4, kind === 'array'), arbitrary: lists(at.value) },
  ];
  if (temporal && typeof at.value === 'string') families.push({ weight: 3, arbitrary: shifted(at.value) });
  return fc.oneof(...families);
}

/** A value as a failure message shows it: escaped, and cut short when long. */
export function describeEdge(e: Edge): string {
  if (e.label !== undefined) return e.label;
  if (e.value === undefined) return 'absent';
  const text = JSON.stringify(e.value);
  return text.length > 120 ? `${text.slice(0, 100)}… (${text.length} characters of JSON)` : text;
}
