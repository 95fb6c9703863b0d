import type { Plugin } from 'rollup';

/** See rollup-precompress.mjs. */
export function compressedCopies(bytes: Uint8Array): { br: Buffer; gz: Buffer };

/** See rollup-precompress.mjs. */
export function precompress(): Plugin;
