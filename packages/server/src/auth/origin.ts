/**
 * Normalises an origin as browsers send it (scheme://host[:port]), so that a
 * configured 'https://Scuola.example/' matches the header 'https://scuola.example'.
 * Returns null for anything that is not an http(s) origin.
 */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
