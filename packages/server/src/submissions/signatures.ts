import type { FormDefinition } from '@ponte/forms';
import type { Submitter } from '../auth/actor.js';

/**
 * A signature field is an authenticated confirmation, not a drawing
 * (docs/architecture.md#signatures): the form gives the name and the tick, the server adds when,
 * and who was signed in or which key sent it.
 */
export function stampSignatures(
  def: FormDefinition,
  data: Record<string, unknown>,
  submitter: Submitter,
  at: string,
): Record<string, unknown> {
  const stamped = { ...data };
  for (const field of def.sections.flatMap((s) => s.fields)) {
    const value = stamped[field.key];
    if (field.kind !== 'signature' || value === undefined || value === null || typeof value !== 'object') continue;
    stamped[field.key] = {
      ...value,
      signedAt: at,
      signedVia: submitter.kind,
      signedBy: submitter.kind === 'staff' ? submitter.userId : submitter.keyId,
    };
  }
  return stamped;
}
