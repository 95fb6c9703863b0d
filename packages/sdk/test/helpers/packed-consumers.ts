// Two files of a project that installed @ponte/sdk from its tarball. Kept as
// text, not as .ts files under test/: the workspace's type-check would read
// them against the SDK's sources, and the second one does not compile.

/** Uses the SDK as an integrator would; it must compile. */
export const COMPILES = `import { createFetchPonteClient, createPonteClient, describeError, newIdempotencyKey } from '@ponte/sdk';
import type { FormDefinition, PonteInputs, PonteLocale, PonteOutputs, PonteTracking, Receipt } from '@ponte/sdk';

const ponte = createPonteClient({ url: 'https://ponte.example', publishableKey: 'pk_demo_manzoni', locale: 'en' });
const tracking = await ponte.submissions.track.query({ trackingCode: 'PNT-X' });
const status: string = tracking.status;
const firstChange: string | undefined = tracking.history[0]?.at;
const sameShape: PonteTracking = tracking;

const receipt: Receipt = await ponte.submissions.submit.mutate({ formId: 'A1', version: 1, data: {}, idempotencyKey: newIdempotencyKey() });
const trackingCode: string = receipt.trackingCode;
const forms = await ponte.forms.list.query();
const definition: FormDefinition = await ponte.forms.get.query({ id: forms[0]!.id });
const session = await ponte.auth.signIn.mutate({ email: 'coordinatrice@demo.ponte.test', password: 'secret' });
const expiresAt: string = session.expiresAt;

const small = createFetchPonteClient({ url: 'https://ponte.example' });
const alsoTracking: PonteTracking = await small.submissions.track.query({ trackingCode: 'PNT-X' });
const trackInput: PonteInputs['submissions']['track'] = { trackingCode: 'PNT-X' };
const locale: PonteLocale = 'it';
const { message, fieldErrors } = describeError(new Error('offline'), locale);
const signedInAs: PonteOutputs['auth']['signIn']['user']['role'] = session.user.role;

export { status, firstChange, sameShape, trackingCode, definition, expiresAt, alsoTracking, trackInput, message, fieldErrors, signedInAs };
`;

/**
 * Misuses the SDK: every line marked `// error TSnnnn` must be reported with
 * that code, and no other. Were the client's types `any`, or missing (which
 * a type-check with skipLibCheck makes `any` silently), none would be.
 */
export const TYPE_ERRORS = `import { createPonteClient } from '@ponte/sdk';
import type { PonteTracking } from '@ponte/sdk';

const ponte = createPonteClient({ url: 'https://ponte.example' });
export const n: number = (await ponte.submissions.track.query({ trackingCode: 'X' })).status; // error TS2322
await ponte.submissions.track.query({ trackingCode: 42 }); // error TS2322
await ponte.submissions.track.query({ code: 'X' }); // error TS2353
await ponte.submissions.track.mutate({ trackingCode: 'X' }); // error TS2339
await ponte.forms.missing.query(); // error TS2339
export const when: Date = ({} as PonteTracking).submittedAt; // error TS2322
createPonteClient({ url: 'https://ponte.example', locale: 'fr' }); // error TS2322
`;

/** The `// error TSnnnn` marks of a file, as `line: code` (lines from 1, as tsc counts them). */
export function expectedErrors(source: string): string[] {
  return source
    .split('\n')
    .flatMap((line, index) => {
      const mark = line.match(/\/\/ error (TS\d+)$/);
      return mark ? [`${index + 1}: ${mark[1]}`] : [];
    });
}
