// @ponte/sdk: a typed client of the Ponte API and the helpers every caller needs.
export { createPonteClient, createUnbatchedPonteClient } from './ponte-client.js';
export { createFetchPonteClient } from './fetch-client.js';
export type { PonteClient, PonteClientOptions, ValueOrGetter } from './client-options.js';
export { describeError, type PonteErrorDescription } from './describe-error.js';
export { newIdempotencyKey } from './idempotency-key.js';
export type { PonteInputs, PonteOutputs, PonteFormSummary, PonteTracking, PonteSignIn, PonteUser } from './types.js';
export type { AppRouter, Receipt } from './server-types.js';
export type { FieldErrors, FormDefinition, FieldDefinition, FormId, Locale as PonteLocale } from '@ponte/forms';
