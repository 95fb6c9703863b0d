import { createFetchPonteClient, type PonteClient, type PonteUser } from '@ponte/sdk';
import { useZone } from './format.js';

/** Where the token lives: sessionStorage, so it ends with the tab, and never a cookie (docs/architecture.md#staff-tokens). */
const TOKEN_KEY = 'ponte.console.token';

/**
 * The signed-in person's side of the console: one SDK client whose token is
 * read before every call, so signing in and out needs no new client.
 */
export class ConsoleSession {
  readonly client: PonteClient;
  readonly api: string;

  constructor(api: string) {
    this.api = api;
    this.client = createFetchPonteClient({ url: api, token: () => this.token, locale: 'it' });
  }

  get token(): string | undefined {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  }

  async signIn(email: string, password: string): Promise<PonteUser> {
    const session = await this.client.auth.signIn.mutate({ email, password });
    sessionStorage.setItem(TOKEN_KEY, session.token);
    return this.#me();
  }

  /** Who holds the stored token; undefined when there is none or it expired. */
  async resume(): Promise<PonteUser | undefined> {
    if (!this.token) return undefined;
    try {
      return await this.#me();
    } catch {
      sessionStorage.removeItem(TOKEN_KEY);
      return undefined;
    }
  }

  /** The person, whose Ambito's zone the console's dates and times take. */
  async #me(): Promise<PonteUser> {
    const me = await this.client.auth.me.query();
    useZone(me.timeZone);
    return me;
  }

  async signOut(): Promise<void> {
    // The token is forgotten here even if the server cannot be reached; it expires there by itself.
    await this.client.auth.signOut.mutate().catch(() => undefined);
    sessionStorage.removeItem(TOKEN_KEY);
  }
}
