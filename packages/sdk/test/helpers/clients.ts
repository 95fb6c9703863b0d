import { createFetchPonteClient, createPonteClient, type PonteClient, type PonteClientOptions } from '@ponte/sdk';

export interface ClientUnderTest {
  name: string;
  create: (options: PonteClientOptions) => PonteClient;
}

/**
 * The suites that say what a Ponte client does run over each of these: tRPC's
 * batching client, which integrators use, and the fetch client, which the
 * widgets use. Both must behave, and fail, alike.
 */
export const CLIENTS: readonly ClientUnderTest[] = [
  { name: 'createPonteClient', create: createPonteClient },
  { name: 'createFetchPonteClient', create: createFetchPonteClient },
];

/** Awaits a call that must fail and answers what it threw. */
export async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
