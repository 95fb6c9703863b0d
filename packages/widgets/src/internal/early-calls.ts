/**
 * What `ponte.js` asks the server before the widgets' code has arrived: the
 * calls the first form widget of the page (the one a visitor meets first)
 * waits on to draw, `forms.get` and, with a publishable key,
 * `organisations.current`, sent as its own client will send them
 * (`internal/ponte-client.ts`), whose fetch (`internal/early-fetch.ts`) then
 * takes the answers rather than ask again. Calls and code travel together
 * rather than one after the other. The answers are read here as they come
 * (reading a response takes tasks of its own), so a form whose answers are in
 * when its code runs draws in that same task. Other widgets ask once their
 * code runs, as they always did: further down the page, their calls would
 * only slow the first one's.
 *
 * NOTE: bundled into `ponte.js` itself, so it imports nothing: whatever it
 * imported would be a file to wait for before the calls. A request is named
 * by its URL and headers as the SDK sends them (their order included);
 * should the two ever differ, the widget finds no answer here and asks the
 * server itself.
 */

/** The form widgets whose first draw fetches a form: `ponte-<form id>`. */
const FORM_TAGS = 'ponte-school-request,ponte-service-request,ponte-ethnoclinical-request,ponte-school-questionnaire';

/** Sends the first form widget's calls: its tag and their answers, or undefined when the page has no form. */
export function callEarly(): [tag: string, answers: Promise<unknown>[]] | undefined {
  const calls = (globalThis.ponteEarlyCalls ??= {});
  const answers: Promise<unknown>[] = [];
  const el = document.querySelector(FORM_TAGS);
  if (!el) return undefined;
  const attribute = (name: string) => el.getAttribute(name);
  const key = attribute('publishable-key');
  const version = Number(attribute('form-version'));
  // As internal/locale.ts reads the language, in the SDK's order.
  const headers = { 'x-ponte-locale': /^en/i.test(attribute('locale') || document.documentElement.lang) ? 'en' : 'it', ...(key && { 'x-ponte-key': key }) };
  // The `api` attribute, else the server this script came from (internal/default-api.ts);
  // without its trailing slashes, as the SDK drops them (else the URLs differ and the form asks again).
  const trpc = `${(attribute('api') || new URL(import.meta.url).origin).replace(/\/+$/, '')}/trpc/`;
  const input = encodeURIComponent(JSON.stringify({ id: el.localName.slice(6), ...(version && { version }) }));
  for (const path of [`forms.get?input=${input}`, ...(key ? ['organisations.current'] : [])]) {
    const answer = fetch(trpc + path, { headers, credentials: 'omit' }).then((response) => response.json());
    // A failure is the widget's to meet (it asks again), not an unhandled rejection in the page's console.
    answer.catch(() => undefined);
    calls[`${trpc + path} ${JSON.stringify(headers)}`] = answer;
    answers.push(answer);
  }
  return [el.localName, answers];
}
