// Submits a school request (A.1) through @ponte/sdk the way a school's own
// system would from a server: list the forms, send a request with an
// idempotency key, retry it, track it, and show what a wrong submission
// answers in Italian and English.
//
//   PONTE_URL=http://localhost:8080 PONTE_KEY=pk_demo_manzoni npm run example:sdk
import { SAMPLE_SUBMISSIONS } from '@ponte/forms';
import {
  createPonteClient,
  describeError,
  newIdempotencyKey,
  type PonteLocale,
  type PonteOutputs,
} from '@ponte/sdk';

type Definition = PonteOutputs['forms']['get'];
type Field = Definition['sections'][number]['fields'][number];

const url = process.env.PONTE_URL ?? 'http://localhost:8080';
const publishableKey = process.env.PONTE_KEY ?? 'pk_demo_manzoni';
const FORM_ID = 'school-request';
const LOCALE: PonteLocale = 'it';

const ponte = createPonteClient({ url, publishableKey, locale: LOCALE });

function heading(text: string): void {
  console.log(`\n== ${text}`);
}

function topLevelFields(def: Definition): Field[] {
  return def.sections.flatMap((section) => [...section.fields]);
}

/**
 * The sample request, made to come from the key's organisation: a field of
 * kind `organisation` must name the organisation that sends the form.
 */
function requestFrom(def: Definition, organisationId: string | null): Record<string, unknown> {
  const data = structuredClone(SAMPLE_SUBMISSIONS[FORM_ID]) as Record<string, unknown>;
  for (const field of topLevelFields(def)) {
    if (field.kind === 'organisation' && organisationId) data[field.key] = organisationId;
  }
  return data;
}

/**
 * A copy of a valid request with two mistakes: a required field left out,
 * and a citizenship that is no country (at the top level, or in the first
 * item of a group such as the beneficiaries).
 */
function spoil(def: Definition, data: Record<string, unknown>): { data: Record<string, unknown>; spoilt: string[] } {
  const copy = structuredClone(data);
  const spoilt: string[] = [];
  const required = def.sections
    .filter((section) => !section.when)
    .flatMap((section) => [...section.fields])
    .find((f) => f.required && !f.when && f.kind !== 'organisation' && f.key in copy);
  if (required) {
    delete copy[required.key];
    spoilt.push(`${required.key} (left out)`);
  }
  for (const field of topLevelFields(def)) {
    if (field.kind === 'country' && !field.multiple && typeof copy[field.key] === 'string') {
      copy[field.key] = 'QQ';
      spoilt.push(`${field.key} = "QQ" (no such country)`);
      break;
    }
    const items = copy[field.key];
    if (field.kind !== 'group' || !Array.isArray(items) || typeof items[0] !== 'object' || items[0] === null) continue;
    const country = field.fields.find((child) => child.kind === 'country' && !child.multiple);
    if (!country) continue;
    (items[0] as Record<string, unknown>)[country.key] = 'QQ';
    spoilt.push(`${field.key}.0.${country.key} = "QQ" (no such country)`);
    break;
  }
  return { data: copy, spoilt };
}

async function main(): Promise<void> {
  console.log(`Ponte SDK example: ${url}, publishable key ${publishableKey}`);

  heading('Forms (forms.list)');
  const forms = await ponte.forms.list.query();
  for (const form of forms) {
    console.log(`  ${form.annex.padEnd(4)} ${`${form.id} v${form.version}`.padEnd(26)} ${form.title.it}  |  ${form.title.en}`);
  }

  heading('Who the key belongs to (organisations.current)');
  const organisation = await ponte.organisations.current.query();
  console.log(organisation ? `  ${organisation.name}  (id ${organisation.id}, ${organisation.kind})` : '  (no organisation)');

  const def = await ponte.forms.get.query({ id: FORM_ID });
  const data = requestFrom(def, organisation?.id ?? null);
  const idempotencyKey = newIdempotencyKey();

  heading(`Submit ${def.annex} "${def.title.it}" v${def.version} (submissions.submit)`);
  console.log(`  idempotency key: ${idempotencyKey}`);
  const receipt = await ponte.submissions.submit.mutate({ formId: def.id, version: def.version, data, idempotencyKey });
  console.log(`  protocol:      ${receipt.protocol}`);
  console.log(`  tracking code: ${receipt.trackingCode}`);
  console.log(`  status:        ${receipt.status}  (${receipt.submittedAt})`);

  heading('Retry with the same idempotency key');
  const again = await ponte.submissions.submit.mutate({ formId: def.id, version: def.version, data, idempotencyKey });
  const same = again.protocol === receipt.protocol && again.trackingCode === receipt.trackingCode;
  console.log(`  protocol ${again.protocol}, tracking code ${again.trackingCode}: ${same ? 'the same receipt, nothing stored twice' : 'A DIFFERENT RECEIPT'}`);
  if (!same) throw new Error('The retry answered a different receipt.');

  heading('Track it (submissions.track, no credential needed)');
  const tracking = await createPonteClient({ url }).submissions.track.query({ trackingCode: receipt.trackingCode });
  console.log(`  status ${tracking.status}, submitted ${tracking.submittedAt}, updated ${tracking.updatedAt}`);

  heading('A submission with mistakes: field errors in Italian and English');
  const wrong = spoil(def, data);
  console.log(`  spoilt: ${wrong.spoilt.join('; ') || '(nothing to spoil: the whole data left out)'}`);
  for (const locale of ['it', 'en'] as const satisfies readonly PonteLocale[]) {
    const client = createPonteClient({ url, publishableKey, locale });
    try {
      await client.submissions.submit.mutate({
        formId: def.id,
        version: def.version,
        data: wrong.spoilt.length ? wrong.data : {},
        idempotencyKey: newIdempotencyKey(),
      });
      throw new Error('The spoilt submission was accepted.');
    } catch (error) {
      const problem = describeError(error, locale);
      if (problem.code !== 'BAD_REQUEST') throw error;
      console.log(`  [${locale}] ${problem.message}  (${problem.code}, HTTP ${problem.httpStatus})`);
      for (const [path, message] of Object.entries(problem.fieldErrors)) {
        console.log(`       ${path || '(form)'}: ${message}`);
      }
    }
  }

  console.log('\nDone.');
}

try {
  await main();
} catch (error) {
  const problem = describeError(error, LOCALE);
  console.error(`\nFailed: ${problem.message}${problem.code ? ` (${problem.code}, HTTP ${problem.httpStatus})` : ''}`);
  for (const [path, message] of Object.entries(problem.fieldErrors)) console.error(`  ${path || '(form)'}: ${message}`);
  if (problem.code === null && error instanceof Error) console.error(`  ${error.message}`);
  process.exitCode = 1;
}
