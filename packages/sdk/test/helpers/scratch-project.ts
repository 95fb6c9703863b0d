// A project outside the workspace that installs the SDK as a user would: from
// the tarballs `npm pack` makes, with only what those tarballs depend on.
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The workspace's own compiler: the one the SDK is built and checked with. */
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface Run {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  // `npm test` passes its own npm_* settings (the workspace's among them) to
  // its children; npm in the scratch project must not take them for its own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function mustRun(command: string, args: string[], cwd: string): Promise<void> {
  const { code, output } = await run(command, args, cwd);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`);
}

/**
 * Packs workspace packages into `dir` as `npm publish` would, running their
 * prepack scripts (the SDK's builds the packages it depends on, and itself),
 * and answers the tarballs' paths.
 */
export async function pack(dir: string, packages: string[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  // One at a time and in order: a package packed later may need what an
  // earlier one's prepack built.
  for (const pkg of packages) await mustRun('npm', ['pack', `./${pkg}`, '--pack-destination', dir], ROOT);
  return (await readdir(dir)).filter((name) => name.endsWith('.tgz')).map((name) => join(dir, name));
}

/** A new project in `dir` with the tarballs installed, and their dependencies from the registry. */
export async function installInto(dir: string, tarballs: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'ponte-sdk-consumer', private: true, type: 'module' }));
  // Peers are left out: tRPC names TypeScript as one, and the workspace's
  // compiler is the one under test.
  await mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--omit=peer', '--no-package-lock', ...tarballs], dir);
}

export interface Diagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

export interface TypeCheck {
  code: number | null;
  diagnostics: Diagnostic[];
  output: string;
}

/**
 * Type-checks `files` of the project in `dir` with the settings of a typical
 * Node ESM project. `lib` is ESNext because @trpc/server's own declarations
 * name `Disposable`, which ES2023's lib does not have. TypeScript's own lib
 * files are not checked (skipDefaultLibCheck): that takes a third of the
 * time, and the installed packages' declarations are checked all the same.
 */
export async function typeCheck(dir: string, files: string[], skipLibCheck: boolean): Promise<TypeCheck> {
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ESNext', 'DOM'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck,
    skipDefaultLibCheck: true,
  };
  const config = `tsconfig.${skipLibCheck ? 'skip' : 'full'}-lib-check.json`;
  await writeFile(join(dir, config), JSON.stringify({ compilerOptions, files }));
  const { code, output } = await run(process.execPath, [TSC, '-p', config, '--pretty', 'false'], dir);
  const diagnostics = [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, file, line, code, message]) => ({
    file: file!,
    line: Number(line),
    code: code!,
    message: message!,
  }));
  return { code, diagnostics, output };
}
