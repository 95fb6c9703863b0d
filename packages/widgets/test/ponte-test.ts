/**
 * What web-test-runner.config.mjs tells the tests: the real Ponte server it
 * started for this run (fresh SQLite, demo Ambito) and the demo credentials.
 */
export interface PonteTestSettings {
  /** The server's base URL, such as http://127.0.0.1:41234; give it to a widget's `api`. */
  api: string;
  keys: { school: string; otherSchool: string; service: string };
  /** The demo staff password (accounts are listed in packages/server/src/seed/demo-data.ts). */
  password: string;
}

export function ponteTest(): PonteTestSettings {
  const settings = (window as unknown as { PONTE_TEST?: PonteTestSettings }).PONTE_TEST;
  if (!settings) throw new Error('window.PONTE_TEST is missing: run the tests with `npm run test:browser`');
  return settings;
}
