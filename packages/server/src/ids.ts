import { createHash, randomBytes, randomFillSync, randomUUID } from 'node:crypto';

/** Row ids are made in application code, the same on every database. */
export function newId(): string {
  return randomUUID();
}

// Crockford's base32: no I, L, O or U, so a code read aloud over the phone
// or copied by hand is not mistaken.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
}

// Random bytes drawn from the system a few kilobytes at a time, as
// randomUUID does, rather than a call into it per code; each byte is used once.
const POOL = new Uint8Array(4096);
let used = POOL.length;

function randomBits(bytes: number): Uint8Array {
  if (used + bytes > POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  used += bytes;
  return POOL.slice(used - bytes, used);
}

/** 80 random bits as XXXX-XXXX-XXXX-XXXX: unguessable, and rate limits guard the lookup. */
export function newTrackingCode(): string {
  return base32(randomBits(10)).match(/.{4}/g)!.join('-');
}

export const TRACKING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** Accepts what a person may type: lower case, spaces, and the letters Crockford folds (O→0, I/L→1). */
export function normaliseTrackingCode(input: string): string {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return compact.length === 16 ? compact.match(/.{4}/g)!.join('-') : input;
}

export function newPublishableKey(): string {
  return `pk_${base32(randomBytes(15)).toLowerCase()}`;
}

export function newSessionToken(): string {
  return `pt_${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
