// Checks a written copy of the server's types against the server's own: the
// copy must compile by itself, from the packages the SDK depends on, and each
// router's procedures (kind, input, output, error shape) and root types but
// the context, and each other type, must be identical to the server's: not
// merely assignable, which an `any`, an optional property turned required or
// a lost `readonly` would pass.
import { basename, dirname, join } from 'node:path';
import { errorsIn, programWith } from './program.mjs';

/**
 * @param {string} output the written declarations
 * @param {string} source the module that imports the same names from the server
 * @param {{ routers: string[], types: string[] }} names what `output` exports
 * @param {import('typescript').CompilerOptions} options
 * @returns {import('typescript').Diagnostic[]}
 */
export function checkDeclarations(output, source, { routers, types }, options) {
  const standalone = programWith([output], options);
  const errors = errorsIn(standalone, output);
  if (errors.length) return errors;

  const published = `./${basename(output).replace(/\.d\.ts$/, '.js')}`;
  const checks = join(dirname(output), '__published-types-check__.ts');
  const lines = [
    `import type * as Published from '${published}';`,
    `import type * as Server from '${source}';`,
    'type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    // As declared, not as a client sees them (inferRouterOutputs): tRPC's
    // serialisation would make `a?: T` and `a: T | undefined` look the same.
    'type Procedures<R> = { [K in keyof R]: R[K] extends { _def: { type: infer T; $types: infer D } } ? [T, D] : Procedures<R[K]> };',
    'type Root<R extends { _def: { _config: { $types: object } } }> = Omit<R["_def"]["_config"]["$types"], "ctx">;',
    ...routers.flatMap((name) => [
      `export const ${name}Procedures: Identical<Procedures<Published.${name}["_def"]["record"]>, Procedures<Server.${name}["_def"]["record"]>> = true;`,
      `export const ${name}Root: Identical<Root<Published.${name}>, Root<Server.${name}>> = true;`,
    ]),
    ...types.map((name) => `export const ${name}: Identical<Published.${name}, Server.${name}> = true;`),
  ];
  return errorsIn(programWith([checks], options, { [checks]: lines.join('\n') }), checks);
}
