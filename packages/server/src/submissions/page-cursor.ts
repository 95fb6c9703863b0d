import { DomainError } from '../domain-error.js';
import { inPonteYears } from '../ponte-years.js';

/*
 * The cursor of a page of submissions or requests, newest or oldest first:
 * the last row's instant and id, opaque to the client and checked again on
 * the way back in, so a forged one never reaches a query.
 */

export function encodeCursor(s: { createdAt: string; id: string }): string {
  return Buffer.from(`${s.createdAt}|${s.id}`).toString('base64url');
}

/**
 * An instant exactly as toISOString() writes it, in Ponte's years. NOTE:
 * Date.parse takes 2026-02-30 and year 0000, which PostgreSQL refuses when
 * comparing (SQLSTATE 22008): a forged cursor would answer 500.
 */
function isCanonicalInstant(text: string): boolean {
  const at = new Date(text);
  return inPonteYears(at.getTime()) && at.toISOString() === text;
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  // Only what encodeCursor makes: a forged one must not reach the query.
  const valid =
    rest.length === 0 && createdAt && id && isCanonicalInstant(createdAt) && /^[A-Za-z0-9_-]{1,64}$/.test(id);
  if (!valid) throw new DomainError('BAD_REQUEST', 'invalidCursor', {}, 'cursor');
  return { createdAt, id };
}
