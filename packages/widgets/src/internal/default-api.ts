/**
 * The server the widgets talk to when no `api` attribute is given: the
 * origin the script was loaded from, so a school page that loads
 * `https://ponte.example/widgets/ponte.js` needs only its publishable key.
 */
export function defaultApi(): string {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return location.origin;
  }
}
