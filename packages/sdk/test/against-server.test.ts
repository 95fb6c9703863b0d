import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FORM_IDS } from '@ponte/forms';
import { describeError, newIdempotencyKey, type PonteClient, type Receipt } from '@ponte/sdk';
import { startTestServer, type TestServer } from '../../server/test/helpers/test-server.js';
import { CLIENTS, failure } from './helpers/clients.js';
import { alwaysRequiredField, sampleFrom, topLevelFields, type Definition } from './helpers/forms.js';
import { badGateway, forwardTo, gatewayJson, silent, startHttpServer } from './helpers/http-servers.js';

const PASSWORD = 'ponte-demo-2026';
const PROTOCOL = /^\d{4}\/\d{6}$/;
const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const NETWORK = {
  it: 'Impossibile contattare il servizio Ponte. Controlla la connessione e riprova.',
  en: 'Could not reach the Ponte service. Check your connection and try again.',
};
const UNEXPECTED = {
  it: 'Si è verificato un errore imprevisto. Riprova più tardi.',
  en: 'Something unexpected went wrong. Please try again later.',
};

// Every suite runs once per client: the expectations are the same literals
// for both, so both describe each failure alike.
for (const { name, create } of CLIENTS) {
  describe(`${name} against a running server (SQLite, demo seeded)`, () => {
    let ts: TestServer;
    let manzoni: PonteClient;
    let manzoniId: string;
    let schoolRequestDef: Definition | undefined;

    /** The newest A.1, asked of the server once. */
    async function schoolRequest(): Promise<Definition> {
      schoolRequestDef ??= await manzoni.forms.get.query({ id: 'school-request' });
      return schoolRequestDef;
    }

    /** Signs in and answers a client that carries that staff token. */
    async function staff(email: string): Promise<PonteClient> {
      const { token } = await create({ url: ts.url }).auth.signIn.mutate({ email, password: PASSWORD });
      return create({ url: ts.url, token });
    }

    async function submitSchoolRequest(): Promise<Receipt> {
      const def = await schoolRequest();
      return manzoni.submissions.submit.mutate({
        formId: def.id,
        version: def.version,
        data: sampleFrom(def, manzoniId),
        idempotencyKey: newIdempotencyKey(),
      });
    }

    before(async () => {
      ts = await startTestServer('sqlite');
      manzoni = create({ url: ts.url, publishableKey: 'pk_demo_manzoni' });
      const organisation = await manzoni.organisations.current.query();
      assert.ok(organisation, 'the demo key belongs to an organisation');
      manzoniId = organisation.id;
    });

    after(async () => {
      await ts?.close();
    });

    test('forms.list answers the six forms, each titled in Italian and English', async () => {
      const forms = await create({ url: ts.url }).forms.list.query();
      assert.deepEqual(forms.map((f) => f.id).sort(), [...FORM_IDS].sort());
      for (const form of forms) {
        assert.ok(form.title.it.trim(), `${form.id} has an Italian title`);
        assert.ok(form.title.en.trim(), `${form.id} has an English title`);
        assert.notEqual(form.title.it, form.title.en, `${form.id}: the titles are translated`);
        assert.ok(form.versions.includes(form.version));
      }
    });

    test('organisations.current names the key’s school, with its sites', async () => {
      const organisation = await manzoni.organisations.current.query();
      assert.equal(organisation?.kind, 'school');
      assert.match(organisation?.name ?? '', /Manzoni/);
      assert.equal(organisation?.sites.length, 2);
    });

    test('submit with the demo key answers a receipt; the same idempotency key answers the same receipt', async () => {
      const def = await schoolRequest();
      const input = {
        formId: def.id,
        version: def.version,
        data: sampleFrom(def, manzoniId),
        idempotencyKey: newIdempotencyKey(),
      };
      const receipt = await manzoni.submissions.submit.mutate(input);
      assert.match(receipt.protocol, PROTOCOL);
      assert.match(receipt.trackingCode, TRACKING_CODE);
      assert.equal(receipt.status, 'received');
      assert.ok(!Number.isNaN(Date.parse(receipt.submittedAt)));

      const retried = await manzoni.submissions.submit.mutate(input);
      assert.deepEqual(retried, receipt);

      const another = await manzoni.submissions.submit.mutate({ ...input, idempotencyKey: newIdempotencyKey() });
      assert.notEqual(another.protocol, receipt.protocol);

      // The same key with other (valid) data is a mistake, not a retry.
      const text = topLevelFields(def).find(
        (f) =>
          (f.kind === 'textarea' || (f.kind === 'text' && !f.pattern)) &&
          typeof input.data[f.key] === 'string' &&
          String(input.data[f.key]).length + 6 <= f.maxLength,
      );
      assert.ok(text, 'the sample fills in a free text field');
      const changed = { ...input.data, [text.key]: `${String(input.data[text.key])} (bis)` };
      const conflict = describeError(await failure(manzoni.submissions.submit.mutate({ ...input, data: changed })));
      assert.deepEqual(conflict, {
        message: 'Questa chiave di idempotenza è già stata usata per un invio diverso.',
        fieldErrors: {},
        code: 'CONFLICT',
        httpStatus: 409,
      });
    });

    test('track answers the status to anyone holding the code, however it is typed', async () => {
      const receipt = await submitSchoolRequest();
      const anyone = create({ url: ts.url, locale: 'en' });
      const tracked = await anyone.submissions.track.query({ trackingCode: receipt.trackingCode });
      assert.deepEqual(tracked, {
        status: 'received',
        submittedAt: receipt.submittedAt,
        updatedAt: receipt.submittedAt,
        history: [{ status: 'received', at: receipt.submittedAt }],
        reason: null,
      });
      const typed = receipt.trackingCode.toLowerCase().replaceAll('-', ' ');
      assert.equal((await anyone.submissions.track.query({ trackingCode: typed })).status, 'received');

      const unknown = describeError(await failure(anyone.submissions.track.query({ trackingCode: '0000-0000-0000-0000' })), 'en');
      assert.equal(unknown.code, 'NOT_FOUND');
      assert.equal(unknown.httpStatus, 404);
      assert.equal(unknown.message, 'No request matches this tracking code.');
    });

    test('an invalid submission gives field errors naming the field, in Italian and in English', async () => {
      const def = await schoolRequest();
      const data = sampleFrom(def, manzoniId);
      const field = alwaysRequiredField(def, data);
      delete data[field.key];
      const input = { formId: def.id, version: def.version, data };

      const it = describeError(await failure(manzoni.submissions.submit.mutate(input)), 'it');
      const english = create({ url: ts.url, publishableKey: 'pk_demo_manzoni', locale: 'en' });
      const en = describeError(await failure(english.submissions.submit.mutate(input)), 'en');

      for (const [locale, problem] of [['it', it], ['en', en]] as const) {
        assert.equal(problem.code, 'BAD_REQUEST');
        assert.equal(problem.httpStatus, 400);
        const message = problem.fieldErrors[field.key];
        assert.ok(message, `${locale}: an error on ${field.key}, got ${JSON.stringify(problem.fieldErrors)}`);
        assert.ok(message.includes(field.label[locale]), `${locale}: «${message}» names «${field.label[locale]}»`);
      }
      assert.equal(it.message, 'Il modulo contiene errori: controlla i campi indicati.');
      assert.equal(en.message, 'The form has errors: please check the fields shown.');
      assert.notEqual(it.fieldErrors[field.key], en.fieldErrors[field.key]);
    });

    test('an organisation field naming another organisation is refused on that field', async () => {
      const def = await schoolRequest();
      const orgField = topLevelFields(def).find((f) => f.kind === 'organisation');
      if (!orgField) return; // the definition has none: nothing to refuse
      const rodari = await create({ url: ts.url, publishableKey: 'pk_demo_rodari' }).organisations.current.query();
      const data = { ...sampleFrom(def, manzoniId), [orgField.key]: rodari!.id };
      const problem = describeError(await failure(manzoni.submissions.submit.mutate({ formId: def.id, version: def.version, data })));
      assert.equal(problem.code, 'BAD_REQUEST');
      assert.ok(problem.fieldErrors[orgField.key]);
    });

    test('many calls at once all answer (the batching client splits them into batches the server accepts)', async () => {
      const anyone = create({ url: ts.url, publishableKey: 'pk_demo_manzoni' });
      // More calls than one batch may carry: the SDK splits them.
      const orgs = await Promise.all(Array.from({ length: 15 }, () => anyone.organisations.current.query()));
      const forms = await anyone.forms.list.query();
      assert.ok(orgs.every((org) => org?.id === manzoniId));
      assert.equal(forms.length, 6);
    });

    test('sign in and out through a token getter; bad credentials and a revoked token are described', async () => {
      let token: string | undefined;
      const console = create({ url: ts.url, token: () => token, locale: 'en' });

      const anonymous = describeError(await failure(console.auth.me.query()), 'en');
      assert.deepEqual(anonymous, { message: 'Please sign in to continue.', fieldErrors: {}, code: 'UNAUTHORIZED', httpStatus: 401 });

      const wrong = describeError(await failure(console.auth.signIn.mutate({ email: 'coordinatrice@demo.ponte.test', password: 'nope' })));
      assert.equal(wrong.code, 'UNAUTHORIZED');
      assert.equal(wrong.message, 'Wrong e-mail or password.');

      const session = await console.auth.signIn.mutate({ email: 'coordinatrice@demo.ponte.test', password: PASSWORD });
      assert.match(session.token, /^pt_/);
      assert.ok(Date.parse(session.expiresAt) > Date.now());
      assert.equal(session.user.role, 'coordinator');
      token = session.token;

      const me = await console.auth.me.query();
      assert.equal(me.email, 'coordinatrice@demo.ponte.test');
      assert.equal(me.role, 'coordinator');
      assert.equal(me.organisationId, null);
      assert.ok((await console.organisations.list.query()).length >= 3);

      assert.deepEqual(await console.auth.signOut.mutate(), { signedOut: true });
      const revoked = describeError(await failure(console.auth.me.query()), 'en');
      assert.equal(revoked.code, 'UNAUTHORIZED');
      assert.equal(revoked.message, 'Your session has expired or is not valid: please sign in again.');
      token = undefined;
    });

    test('sends no cookie: every request is made without credentials, and none reaches the server', async () => {
      // NOTE: Node's fetch keeps no cookie jar, so what can be seen here is
      // what the client asks of fetch: credentials 'omit', which browsers
      // obey (https://fetch.spec.whatwg.org/#concept-request-credentials-mode).
      // The widgets' browser tests check document.cookie as well.
      const proxy = await startHttpServer(forwardTo(ts.url));
      const credentials: (RequestCredentials | undefined)[] = [];
      const ponte = create({
        url: proxy.url,
        publishableKey: 'pk_demo_manzoni',
        fetch: (input, init) => {
          credentials.push(init?.credentials);
          return globalThis.fetch(input, init);
        },
      });
      try {
        assert.equal((await ponte.organisations.current.query())?.id, manzoniId);
        await failure(ponte.submissions.submit.mutate({ formId: 'school-request', version: 1, data: {} }));
      } finally {
        await proxy.close();
      }
      assert.deepEqual(credentials, ['omit', 'omit']);
      assert.deepEqual(proxy.received.map((r) => r.headers.cookie), [undefined, undefined]);
    });

    test('staff see submissions as their role allows', async () => {
      const receipt = await submitSchoolRequest();
      const coordinator = await staff('coordinatrice@demo.ponte.test');
      const { items } = await coordinator.submissions.list.query({ formId: 'school-request', limit: 100 });
      const listed = items.find((s) => s.protocol === receipt.protocol);
      assert.ok(listed, 'the coordinator lists the new request');
      const full = await coordinator.submissions.get.query({ id: listed.id });
      assert.equal(full.organisationId, manzoniId);
      assert.equal(typeof full.data, 'object');

      const ownSchool = await staff('referente.manzoni@demo.ponte.test');
      assert.equal((await ownSchool.submissions.get.query({ id: listed.id })).protocol, receipt.protocol);
      const otherSchool = await staff('referente.rodari@demo.ponte.test');
      assert.equal(describeError(await failure(otherSchool.submissions.get.query({ id: listed.id }))).code, 'NOT_FOUND');
    });

    test('A.5 content is for clinicians and its requester only', async () => {
      const servizi = create({ url: ts.url, publishableKey: 'pk_demo_servizi' });
      const serviziId = (await servizi.organisations.current.query())!.id;
      const def = await servizi.forms.get.query({ id: 'ethnoclinical-request' });
      assert.equal(def.specialCategory, true);
      const receipt = await servizi.submissions.submit.mutate({
        formId: def.id,
        version: def.version,
        data: sampleFrom(def, serviziId),
        idempotencyKey: newIdempotencyKey(),
      });
      const coordinator = await staff('coordinatrice@demo.ponte.test');
      const listed = (await coordinator.submissions.list.query({ formId: def.id })).items.find((s) => s.protocol === receipt.protocol);
      assert.ok(listed, 'the coordinator sees that the request exists');
      const refused = describeError(await failure(coordinator.submissions.get.query({ id: listed.id })), 'it');
      assert.equal(refused.code, 'FORBIDDEN');
      const clinician = await staff('clinica@demo.ponte.test');
      assert.equal((await clinician.submissions.get.query({ id: listed.id })).formId, 'ethnoclinical-request');
    });
  });

  describe(`${name} when no usable answer comes`, () => {
    test('a closed server gives the network message, in Italian and English', async () => {
      const ts = await startTestServer('sqlite');
      const url = ts.url;
      await ts.close();
      const ponte = create({ url, publishableKey: 'pk_demo_manzoni' });
      const error = await failure(ponte.submissions.track.query({ trackingCode: '0000-0000-0000-0000' }));
      assert.deepEqual(describeError(error), { message: NETWORK.it, fieldErrors: {}, code: null, httpStatus: null });
      assert.equal(describeError(error, 'en').message, NETWORK.en);
    });

    test('a server that never answers gives the network message after timeoutMs, not a cancellation', async () => {
      const server = await startHttpServer(silent);
      try {
        const started = Date.now();
        const error = await failure(create({ url: server.url, timeoutMs: 150 }).forms.list.query());
        assert.ok(Date.now() - started < 5_000);
        assert.deepEqual(describeError(error, 'en'), { message: NETWORK.en, fieldErrors: {}, code: null, httpStatus: null });
      } finally {
        await server.close();
      }
    });

    test('a proxy’s HTML error page and a gateway’s own JSON are errors of the client, described as unexpected', async () => {
      for (const handler of [badGateway, gatewayJson]) {
        const server = await startHttpServer(handler);
        try {
          const ponte = create({ url: server.url, publishableKey: 'pk_demo_manzoni' });
          const errors = [
            await failure(ponte.forms.get.query({ id: 'school-request' })),
            await failure(ponte.submissions.submit.mutate({ formId: 'school-request', version: 1, data: {} })),
          ];
          for (const error of errors) {
            // Not the parser's SyntaxError: the client's own error, as for any failed call.
            assert.ok(error instanceof Error && error.name === 'TRPCClientError', `${handler.name}: ${String(error)}`);
            assert.deepEqual(describeError(error, 'it'), { message: UNEXPECTED.it, fieldErrors: {}, code: null, httpStatus: null });
            assert.equal(describeError(error, 'en').message, UNEXPECTED.en);
          }
        } finally {
          await server.close();
        }
      }
    });
  });

  describe(`${name} over the rate limit`, () => {
    let ts: TestServer;
    before(async () => {
      ts = await startTestServer('sqlite', { rateLimits: { publicPerMinute: 2, staffPerMinute: 2, signInPerMinute: 2 } });
    });
    after(async () => {
      await ts?.close();
    });

    test('the third request in a minute is TOO_MANY_REQUESTS (429), described in the client’s language', async () => {
      const it = create({ url: ts.url });
      await it.forms.list.query();
      await it.forms.list.query();
      const tooMany = describeError(await failure(it.forms.list.query()));
      assert.equal(tooMany.code, 'TOO_MANY_REQUESTS');
      assert.equal(tooMany.httpStatus, 429);
      assert.match(tooMany.message, /^Troppe richieste\. Riprova tra \d+ secondi\.$/);

      const en = describeError(await failure(create({ url: ts.url, locale: 'en' }).submissions.track.query({ trackingCode: '0000-0000-0000-0000' })));
      assert.equal(en.code, 'TOO_MANY_REQUESTS');
      assert.match(en.message, /^Too many requests\. Try again in \d+ seconds\.$/);
    });
  });
}
