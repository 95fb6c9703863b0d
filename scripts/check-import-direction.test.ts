import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

const checker = new URL('./check-import-direction.mjs', import.meta.url).pathname;

function check(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'ponte-imports-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return spawnSync(process.execPath, [checker, '--root', root], { encoding: 'utf8' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('import direction check', () => {
  it('passes the imports the direction allows', () => {
    const result = check({
      'packages/server/src/a.ts': "import { getForm } from '@ponte/forms';\n",
      'packages/sdk/src/b.ts': "import type { AppRouter } from '@ponte/server';\nimport { message } from '@ponte/forms';\n",
      'packages/widgets/src/c.ts': "import { createPonteClient } from '@ponte/sdk';\n",
    });
    assert.equal(result.status, 0, result.stderr);
  });

  it('fails on a package importing against the direction', () => {
    for (const [path, text] of [
      ['packages/forms/src/x.ts', "import { appRouter } from '@ponte/server';\n"],
      ['packages/server/src/x.ts', "import { createPonteClient } from '@ponte/sdk';\n"],
      ['packages/sdk/src/x.ts', "import { appRouter } from '@ponte/server';\n"],
      ['packages/server/src/x.ts', "import { thing } from '../../widgets/src/thing.js';\n"],
      ['packages/widgets/src/x.ts', "const m = import('@ponte/server');\n"],
    ] as const) {
      const result = check({ [path]: text });
      assert.equal(result.status, 1, `${path}: ${text}`);
      assert.match(result.stderr, /goes against the direction/);
    }
  });
});
