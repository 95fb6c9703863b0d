import type { Plugin } from 'rollup';

/** See rollup-template-whitespace.mjs. */
export function templateWhitespace(include: (id: string) => boolean): Plugin;
