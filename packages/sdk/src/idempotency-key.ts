/**
 * A fresh idempotency key for one submission. Keep it with the draft and send
 * the same key on every retry of that draft: the server then answers the
 * receipt of the first attempt that got through instead of storing a copy.
 * Make a new key only for a new draft (or after the data has changed).
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  // NOTE: browsers expose crypto.randomUUID only in secure contexts (https or
  // localhost, https://w3c.github.io/webcrypto/#Crypto-method-randomUUID);
  // getRandomValues works everywhere, so a school site still on plain http
  // gets a key too.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
