import { z } from 'zod';
import { normaliseTrackingCode, TRACKING_CODE_PATTERN } from '../ids.js';

// NOTE: PostgreSQL text cannot hold U+0000 (SQLSTATE 22021), and control or
// bidi-override characters in an id only ever mean a forged request: ids and
// filters are held to what Ponte itself makes, so they never reach a query
// or a message otherwise.

/** A row id (a UUID, or a seed's readable id). */
export const idInput = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** A form id such as 'school-request'. */
export const formIdInput = z.string().min(1).max(60).regex(/^[a-z0-9-]+$/);

/** A status name such as 'received'. */
export const statusInput = z.string().min(1).max(40).regex(/^[a-z_]+$/);

/** A tracking code as a person types it (lower case, spaces, O for 0): normalised, then held to the pattern. */
export const trackingCodeInput = z.string().max(40).transform(normaliseTrackingCode).pipe(z.string().regex(TRACKING_CODE_PATTERN));

/**
 * Free text that a person typed: any script. Control characters (but tab
 * and line breaks) and lone surrogates never get here: every procedure
 * refuses them first (trpc/well-formed-input.ts).
 */
export const plainText = (max: number) => z.string().max(max);

/**
 * A form's answers, passed on untouched: a copy made here (as z.record
 * makes) would drop keys such as "__proto__" before the form's own strict
 * check could name them as unknown fields.
 */
export const formDataInput = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

/**
 * For procedures that take nothing: declaring it makes tRPC read what was
 * sent, so a malformed body or ?input is refused rather than ignored.
 */
export const noInput = z.undefined();

/** A caller's key for a write it may repeat: the same key on a retry answers what the first call did and stores nothing new. */
export const idempotencyKeyInput = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);
