import { createFetchPonteClient, type PonteClient } from '@ponte/sdk';
import type { Locale } from '@ponte/forms';
import { defaultApi } from './default-api.js';
import { earlyFetch } from './early-fetch.js';

export interface ClientSettings {
  api: string | undefined;
  publishableKey: string | undefined;
  token: () => string | undefined;
  locale: () => Locale;
}

/**
 * One SDK client per widget, made again only when the server or the key
 * changes; token and locale are read before every request. The fetch client,
 * not tRPC's: the same calls and errors without @trpc/client in the bundle,
 * which the 55 kB budget of the whole library (30 kB a widget's first load,
 * scripts/bundle-budget.mjs) cannot afford.
 */
export class ClientHolder {
  #client: PonteClient | undefined;
  #signature = '';

  constructor(private readonly settings: () => ClientSettings) {}

  get client(): PonteClient {
    const s = this.settings();
    const url = s.api || defaultApi();
    const signature = `${url} ${s.publishableKey ?? ''}`;
    if (!this.#client || signature !== this.#signature) {
      this.#signature = signature;
      this.#client = createFetchPonteClient({
        url,
        ...(s.publishableKey ? { publishableKey: s.publishableKey } : {}),
        token: s.token,
        locale: s.locale,
        fetch: earlyFetch,
      });
    }
    return this.#client;
  }
}
