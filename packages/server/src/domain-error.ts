import { TRPCError } from '@trpc/server';
import type { FieldErrors } from '@ponte/forms';
import type { MessageParam, ServerMessageKey } from './i18n/messages.js';

type Code = ConstructorParameters<typeof TRPCError>[0]['code'];

/**
 * An expected failure of the domain (not found, forbidden, conflict, invalid
 * form). It carries a message key, not text: the error formatter puts it in
 * the caller's language.
 */
export class DomainError extends TRPCError {
  readonly messageKey: ServerMessageKey;
  readonly params: Record<string, MessageParam>;
  /** Messages per field path; or one path, which then gets the error's own message. */
  readonly fieldErrors: FieldErrors | string | undefined;

  constructor(
    code: Code,
    messageKey: ServerMessageKey,
    params: Record<string, MessageParam> = {},
    fieldErrors?: FieldErrors | string,
  ) {
    super({ code, message: messageKey });
    this.messageKey = messageKey;
    this.params = params;
    this.fieldErrors = fieldErrors;
  }
}
