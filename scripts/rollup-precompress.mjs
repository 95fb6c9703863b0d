// A rollup plugin that writes, beside every file of the build, a brotli
// (<file>.br) and a gzip (<file>.gz) copy at the highest settings: the
// server answers whichever the browser accepts (packages/server/src/http/held-files.ts
// holds them), without spending a request's time on compressing, and
// smaller than on-the-fly compression could afford to make them.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The copies of one file's bytes: brotli at quality 11, gzip at level 9 (the level the bundle budget measures). */
export function compressedCopies(bytes) {
  return {
    br: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    gz: gzipSync(bytes, { level: 9 }),
  };
}

export function precompress() {
  return {
    name: 'ponte-precompress',
    writeBundle(options, bundle) {
      const dir = options.dir ?? dirname(options.file);
      for (const name of Object.keys(bundle)) {
        const path = join(dir, name);
        const { br, gz } = compressedCopies(readFileSync(path));
        writeFileSync(`${path}.br`, br);
        writeFileSync(`${path}.gz`, gz);
      }
    },
  };
}
