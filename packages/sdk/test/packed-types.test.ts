// The SDK's types as an integrator gets them: packed as npm publishes it,
// installed into a project outside the workspace, type-checked there. In the
// workspace the SDK reads the server's router from its sources, so only this
// shows whether the published declarations stand on their own.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { COMPILES, TYPE_ERRORS, expectedErrors } from './helpers/packed-consumers.js';
import { installInto, pack, typeCheck, type Diagnostic, type TypeCheck } from './helpers/scratch-project.js';

const where = (d: Diagnostic) => `${d.file}(${d.line}): ${d.code} ${d.message}`;

describe('@ponte/sdk installed from its tarball', { timeout: 180_000 }, () => {
  let scratch = '';
  const checks = new Map<boolean, TypeCheck>();

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'ponte-packed-types-'));
    const project = join(scratch, 'consumer');
    // The SDK first: its prepack builds @ponte/forms as well.
    const tarballs = await pack(join(scratch, 'packs'), ['packages/sdk', 'packages/forms']);
    await installInto(project, tarballs);
    await writeFile(join(project, 'compiles.ts'), COMPILES);
    await writeFile(join(project, 'type-errors.ts'), TYPE_ERRORS);
    // Both at once: each is a few seconds of one core.
    const settings = [false, true];
    const results = await Promise.all(settings.map((skipLibCheck) => typeCheck(project, ['compiles.ts', 'type-errors.ts'], skipLibCheck)));
    settings.forEach((skipLibCheck, i) => checks.set(skipLibCheck, results[i]!));
  });

  after(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  for (const skipLibCheck of [false, true]) {
    test(`is typed, with skipLibCheck ${skipLibCheck}: a correct file compiles, each mistake is reported`, () => {
      const { code, diagnostics, output } = checks.get(skipLibCheck)!;
      const elsewhere = diagnostics.filter((d) => d.file !== 'type-errors.ts');
      assert.deepEqual(elsewhere.map(where), [], 'errors outside type-errors.ts: in the correct file, or in the installed declarations');
      const reported = diagnostics.filter((d) => d.file === 'type-errors.ts').map((d) => `${d.line}: ${d.code}`);
      assert.deepEqual(reported, expectedErrors(TYPE_ERRORS), `the errors of type-errors.ts, as tsc printed them:\n${output}`);
      assert.notEqual(code, 0);
    });
  }
});
