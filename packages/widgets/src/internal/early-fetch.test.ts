import { expect } from '@open-wc/testing';
import { earlyFetch } from './early-fetch.js';

/*
 * The widgets' fetch and the answers ponte.js read ahead: taken once, for
 * the very request only; a failed one asked again; a pending one given up
 * with the request's signal.
 */
describe('earlyFetch', () => {
  const url = 'https://ponte.example/trpc/forms.get?input=x';
  const headers = { 'x-ponte-locale': 'it', 'x-ponte-key': 'pk_test' };
  const key = `${url} ${JSON.stringify(headers)}`;
  const realFetch = window.fetch;
  let asked: string[];

  beforeEach(() => {
    asked = [];
    window.fetch = async (input) => {
      asked.push(String(input));
      return new Response(JSON.stringify({ result: { data: 'network' } }));
    };
    globalThis.ponteEarlyCalls = {};
  });
  afterEach(() => {
    window.fetch = realFetch;
    globalThis.ponteEarlyCalls = undefined;
  });

  it('answers the request read ahead once, then asks the network', async () => {
    globalThis.ponteEarlyCalls![key] = Promise.resolve({ result: { data: 'early' } });
    expect(await (await earlyFetch(url, { headers })).json()).to.deep.equal({ result: { data: 'early' } });
    expect(asked).to.deep.equal([]);
    expect(await (await earlyFetch(url, { headers })).json()).to.deep.equal({ result: { data: 'network' } });
    expect(asked).to.deep.equal([url]);
  });

  it('asks the network for a request that differs in a header', async () => {
    globalThis.ponteEarlyCalls![key] = Promise.resolve({ result: { data: 'early' } });
    const other = { ...headers, authorization: 'Bearer pt_x' };
    expect(await (await earlyFetch(url, { headers: other })).json()).to.deep.equal({ result: { data: 'network' } });
  });

  it('asks again when the early call failed', async () => {
    globalThis.ponteEarlyCalls![key] = Promise.reject(new TypeError('Failed to fetch'));
    expect(await (await earlyFetch(url, { headers })).json()).to.deep.equal({ result: { data: 'network' } });
    expect(asked).to.deep.equal([url]);
  });

  it('gives up a pending early call with the request’s signal', async () => {
    globalThis.ponteEarlyCalls![key] = new Promise(() => undefined);
    const controller = new AbortController();
    const answer = earlyFetch(url, { headers, signal: controller.signal });
    controller.abort(new DOMException('No answer', 'TimeoutError'));
    const error = await answer.then(() => undefined, (e: unknown) => e);
    expect((error as DOMException).name).to.equal('TimeoutError');
  });
});
