import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from './server-types.js';

/** The `error` of a tRPC error answer: `{ message, code, data: { code, httpStatus, fieldErrors, … } }`. */
export type PonteErrorShape = NonNullable<TRPCClientErrorLike<AppRouter>['shape']>;

/**
 * What a call of createFetchPonteClient throws: the same fields as tRPC's
 * TRPCClientError (`message`; `shape` and `data` when the server answered an
 * error; `cause` when no usable answer came), and the same name.
 */
export class PonteFetchError extends Error implements TRPCClientErrorLike<AppRouter> {
  readonly shape: PonteErrorShape | undefined;
  readonly data: PonteErrorShape['data'] | undefined;

  constructor(message: string, shape?: PonteErrorShape, cause?: unknown) {
    super(message);
    // NOTE: describeError() and code written against tRPC tell a client error
    // by its name, not by instanceof (a widget bundle carries its own copy of
    // the SDK), and count a failed fetch as a network failure only under that
    // name; so this error answers to it, and both clients' failures read alike.
    this.name = 'TRPCClientError';
    this.shape = shape;
    this.data = shape?.data;
    // Set here rather than through super's options, which browsers older
    // than ES2022 ignore: describeError() reads the cause chain.
    this.cause = cause;
  }
}
