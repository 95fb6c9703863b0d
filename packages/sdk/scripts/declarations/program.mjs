// A TypeScript program over real files and a few made up for it: a module to
// print types from, a module of checks. Made-up files exist only in memory.
import ts from 'typescript';

/**
 * @param {string[]} rootNames
 * @param {ts.CompilerOptions} options
 * @param {Record<string, string>} virtualFiles path → text
 */
export function programWith(rootNames, options, virtualFiles = {}) {
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name in virtualFiles ? ts.createSourceFile(name, virtualFiles[name], language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name in virtualFiles || fileExists.call(host, name);
  host.readFile = (name) => virtualFiles[name] ?? readFile.call(host, name);
  return ts.createProgram({ rootNames, options, host });
}

/** The errors TypeScript finds in one file of `program`. */
export function errorsIn(program, fileName) {
  const file = program.getSourceFile(fileName);
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
}

/** A diagnostic and the line it is about: the files checked may exist only in memory. */
export function formatDiagnostic(diagnostic) {
  const text = ts.formatDiagnostic(diagnostic, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' });
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${text.trimEnd()}\n    ${diagnostic.file.text.split('\n')[line]?.trim()}`;
}
