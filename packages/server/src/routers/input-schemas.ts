import { z } from 'zod';

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

/** Free text that a person typed: any script, but no control characters besides tab and newlines. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/);

/**
 * For procedures that take nothing: declaring it makes tRPC read what was
 * sent, so a malformed body or ?input is refused rather than ignored.
 */
export const noInput = z.undefined();
