export const RELEASED_FINGERPRINTS: Readonly<Record<string, string>> = {};
