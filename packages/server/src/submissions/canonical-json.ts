/**
 * JSON with every object's keys sorted, so that equal data always hashes the
 * same (a retry's request hash, submission.service.ts). Written out directly:
 * the bytes are those of JSON.stringify with a replacer that rebuilds each
 * object from its entries sorted by code unit, which hashes already stored
 * were made with, and must stay so (canonical-json.test.ts holds the two
 * side by side). Rebuilding puts an object's array-index keys ("0", "12")
 * first in numeric order, as every object orders them, and the others after
 * in sorted order: so does `sortedKeys` here.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item) ?? 'null').join(',')}]`;
  let out = '';
  for (const key of sortedKeys(value)) {
    // What JSON.stringify leaves out of an object (undefined, a function): left out here too.
    const item = canonicalJson((value as Record<string, unknown>)[key]);
    if (item !== undefined) out += `${out ? ',' : ''}${JSON.stringify(key)}:${item}`;
  }
  return `{${out}}`;
}

/** An array index as an object orders its keys by: "0" … "4294967294", without leading zeros. */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isArrayIndex = (key: string) => ARRAY_INDEX.test(key) && Number(key) < 4294967295;
const startsWithDigit = (key: string) => key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57;

function sortedKeys(value: object): string[] {
  // By code unit, as the replacer sorted: the engine's own sort without a comparator.
  const keys = Object.keys(value).sort();
  if (!keys.some(startsWithDigit)) return keys;
  const indexes = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indexes.length === 0 ? keys : [...indexes, ...keys.filter((key) => !isArrayIndex(key))];
}
