import type { FormDefinition } from '@ponte/forms';
import type { Submitter } from '../auth/actor.js';
import { perForm } from '../forms/per-form.js';

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
  let stamped = data;
  for (const key of signatureKeysOf(def)) {
    const value = data[key];
    if (value === undefined || value === null || typeof value !== 'object') continue;
    // A copy once there is something to stamp: `data` itself is left as it came.
    if (stamped === data) stamped = { ...data };
    stamped[key] = {
      ...value,
      signedAt: at,
      signedVia: submitter.kind,
      signedBy: submitter.kind === 'staff' ? submitter.userId : submitter.keyId,
    };
  }
  return stamped;
}

const signatureKeysOf = perForm((def) =>
  def.sections.flatMap((s) => s.fields).filter((f) => f.kind === 'signature').map((f) => f.key),
);
