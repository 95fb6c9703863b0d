import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TRPCClientError } from '@trpc/client';
import { createPonteClient, describeError } from '@ponte/sdk';
import { failure } from './helpers/clients.js';

const NETWORK = {
  it: 'Impossibile contattare il servizio Ponte. Controlla la connessione e riprova.',
  en: 'Could not reach the Ponte service. Check your connection and try again.',
};

describe('describeError', () => {
  test('an error the server answered: its message, field errors, code and status', async () => {
    const envelope = [
      {
        error: {
          message: 'Il modulo contiene errori: controlla i campi indicati.',
          code: -32600,
          data: {
            code: 'BAD_REQUEST',
            httpStatus: 400,
            path: 'submissions.submit',
            fieldErrors: { 'beneficiaries.0.citizenship': 'Cittadinanza: paese non valido.', ignored: 42 },
          },
        },
      },
    ];
    const fetch: typeof globalThis.fetch = async () =>
      new Response(JSON.stringify(envelope), { status: 400, headers: { 'content-type': 'application/json' } });
    const ponte = createPonteClient({ url: 'http://ponte.test', publishableKey: 'pk_x', fetch });
    const error = await failure(ponte.submissions.submit.mutate({ formId: 'school-request', version: 1, data: {} }));
    assert.deepEqual(describeError(error, 'en'), {
      message: 'Il modulo contiene errori: controlla i campi indicati.',
      fieldErrors: { 'beneficiaries.0.citizenship': 'Cittadinanza: paese non valido.' },
      code: 'BAD_REQUEST',
      httpStatus: 400,
    });
  });

  test('a server error without field errors gives an empty record', () => {
    const error = TRPCClientError.from({
      error: { message: 'Accedi per continuare.', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, fieldErrors: null } },
    });
    assert.deepEqual(describeError(error), { message: 'Accedi per continuare.', fieldErrors: {}, code: 'UNAUTHORIZED', httpStatus: 401 });
  });

  test('fetch rejecting (offline, refused, CORS) gives the network message in the locale asked', async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(createPonteClient({ url: 'http://ponte.test', fetch }).forms.list.query());
    assert.deepEqual(describeError(error), { message: NETWORK.it, fieldErrors: {}, code: null, httpStatus: null });
    assert.equal(describeError(error, 'en').message, NETWORK.en);
  });

  test('a timeout is a network failure; an abort is a cancellation', async () => {
    const timeout = await failure(
      createPonteClient({ url: 'http://ponte.test', fetch: async () => { throw new DOMException('timed out', 'TimeoutError'); } }).forms.list.query(),
    );
    assert.equal(describeError(timeout, 'en').message, NETWORK.en);

    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(createPonteClient({ url: 'http://ponte.test' }).forms.list.query(undefined, { signal: controller.signal }));
    assert.deepEqual(describeError(aborted, 'en'), { message: 'The request was cancelled.', fieldErrors: {}, code: null, httpStatus: null });
  });

  test('an answer that is not JSON (a proxy error page) and anything else give a generic message', async () => {
    const fetch: typeof globalThis.fetch = async () => new Response('<html>502 Bad Gateway</html>', { status: 502 });
    const error = await failure(createPonteClient({ url: 'http://ponte.test', fetch }).forms.list.query());
    assert.equal(describeError(error, 'it').message, 'Si è verificato un errore imprevisto. Riprova più tardi.');
    for (const thing of [new Error('boom'), new TypeError('x is undefined'), 'a string', null, undefined, 42]) {
      assert.deepEqual(describeError(thing, 'en'), {
        message: 'Something unexpected went wrong. Please try again later.',
        fieldErrors: {},
        code: null,
        httpStatus: null,
      });
    }
  });
});
