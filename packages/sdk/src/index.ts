// @ponte/sdk: a typed client of the Ponte API and the helpers every caller needs.
export { createPonteClient, createUnbatchedPonteClient, type PonteClient, type PonteClientOptions, type ValueOrGetter } from './ponte-client.js';
export { describeError, type PonteErrorDescription } from './describe-error.js';
export { newIdempotencyKey } from './idempotency-key.js';
export type { PonteInputs, PonteOutputs, PonteFormSummary, PonteTracking, PonteSignIn, PonteUser } from './types.js';
export type { AppRouter, Receipt } from '@ponte/server';
export type { FieldErrors, FormDefinition, FieldDefinition, FormId, Locale as PonteLocale } from '@ponte/forms';
