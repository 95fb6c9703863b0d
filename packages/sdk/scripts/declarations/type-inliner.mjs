// Prints types as declaration syntax that names nothing outside one module
// and the packages it may import. TypeScript's own printer names every
// interface and alias where it was declared (`import("…/server/dist/x").Receipt`);
// here each such name becomes either an import from a package the SDK
// depends on, where that package exports it, or a copy declared in the
// module itself ("hoisted"), printed the same way in turn.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const { factory } = ts;

const PRINT_FLAGS =
  ts.NodeBuilderFlags.NoTruncation |
  ts.NodeBuilderFlags.MultilineObjectLiterals |
  ts.NodeBuilderFlags.IgnoreErrors;

/** The name of the package a declaration file belongs to: its nearest package.json. */
function packageNameOf(fileName, cache) {
  for (let dir = dirname(fileName); dir !== dirname(dir); dir = dirname(dir)) {
    if (cache.has(dir)) return cache.get(dir);
    let name;
    try {
      name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
    } catch {
      continue;
    }
    cache.set(dir, name);
    return name;
  }
  return undefined;
}

const withoutDeclarationExtension = (fileName) => fileName.replace(/\.d\.[mc]?ts$/, '');

export class TypeInliner {
  /**
   * @param {ts.Program} program
   * @param {ts.SourceFile} context an empty module of the program: printed from
   *   there, every type declared in a module comes out as an `import("…")` type.
   * @param {string[]} packages the packages the output may import from.
   */
  constructor(program, context, packages) {
    this.program = program;
    this.checker = program.getTypeChecker();
    this.context = context;
    this.packages = new Set(packages);
    this.packageNames = new Map();
    this.filesByPath = new Map(program.getSourceFiles().map((f) => [withoutDeclarationExtension(f.fileName), f]));
    /** symbol → its local name in the output */
    this.names = new Map();
    /** names taken: globals (a copy must not shadow `Record` or `Date`) and those given out */
    this.taken = new Set(this.checker.getSymbolsInScope(context, ts.SymbolFlags.Type).map((s) => s.name));
    /** package → Map(exported name → local name) */
    this.imports = new Map();
    /** package → Map(symbol → exported name), read when first needed */
    this.publicNames = new Map();
    this.hoisted = [];
  }

  /** A fresh local name, `base` when free. */
  claim(base) {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }

  /** The local name of `exported` imported from `pkg`, which must be a dependency. */
  importName(pkg, exported) {
    if (!this.packages.has(pkg)) throw new Error(`${exported} would be imported from ${pkg}, which is not a dependency of the package`);
    const names = this.imports.get(pkg) ?? new Map();
    this.imports.set(pkg, names);
    if (!names.has(exported)) names.set(exported, this.claim(exported));
    return names.get(exported);
  }

  /** Symbol → exported name, for what `pkg`'s entry point exports. */
  exportsOf(pkg) {
    if (this.publicNames.has(pkg)) return this.publicNames.get(pkg);
    const byTarget = new Map();
    // Resolved as an ES module imports it, as the SDK's own declarations do.
    const { resolvedModule } = ts.resolveModuleName(pkg, this.context.fileName, this.program.getCompilerOptions(), ts.sys, undefined, undefined, ts.ModuleKind.ESNext);
    const entry = resolvedModule && this.program.getSourceFile(resolvedModule.resolvedFileName);
    const moduleSymbol = entry && this.checker.getSymbolAtLocation(entry);
    for (const symbol of moduleSymbol ? this.checker.getExportsOfModule(moduleSymbol) : []) {
      byTarget.set(this.resolveAlias(symbol), symbol.name);
    }
    this.publicNames.set(pkg, byTarget);
    return byTarget;
  }

  resolveAlias(symbol) {
    return symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** The local name standing for a declared type: imported if its package exports it, hoisted otherwise. */
  nameOf(symbol) {
    if (this.names.has(symbol)) return this.names.get(symbol);
    const fileName = symbol.declarations?.[0]?.getSourceFile().fileName;
    const pkg = fileName && packageNameOf(fileName, this.packageNames);
    const exported = pkg && this.packages.has(pkg) ? this.exportsOf(pkg).get(symbol) : undefined;
    const name = exported ? this.importName(pkg, exported) : this.claim(symbol.name);
    this.names.set(symbol, name);
    if (!exported) this.hoist(symbol, name);
    return name;
  }

  /** The symbol an `import("path").Name` type printed by TypeScript stands for. */
  symbolOfImportType(node) {
    const path = node.argument.literal.text;
    const file = this.filesByPath.get(path) ?? this.filesByPath.get(`${path}/index`);
    if (!file || node.isTypeOf || !node.qualifier || !ts.isIdentifier(node.qualifier)) {
      throw new Error(`cannot inline ${printNode(node)}`);
    }
    const exports = this.checker.getExportsOfModule(this.checker.getSymbolAtLocation(file));
    const symbol = exports.find((s) => s.name === node.qualifier.text);
    if (!symbol) throw new Error(`cannot find ${printNode(node)}`);
    return this.resolveAlias(symbol);
  }

  /** Replaces every `import("…").Name` in a printed type by a local name. */
  localise(node) {
    const visit = (n) => {
      if (ts.isImportTypeNode(n)) {
        const name = this.nameOf(this.symbolOfImportType(n));
        return factory.createTypeReferenceNode(name, n.typeArguments?.map((a) => ts.visitNode(a, visit)));
      }
      return ts.visitEachChild(n, visit, undefined);
    };
    return ts.visitNode(node, visit);
  }

  /** A type as declaration syntax, every name in it local. `inAlias`: the right-hand side of its own alias. */
  print(type, inAlias = false) {
    const flags = PRINT_FLAGS | (inAlias ? ts.NodeBuilderFlags.InTypeAlias : 0);
    return this.localise(this.checker.typeToTypeNode(type, this.context, flags));
  }

  /** Declares a copy of a type alias or interface under `name`. */
  hoist(symbol, name) {
    const type = this.checker.getDeclaredTypeOfSymbol(symbol);
    const where = `${symbol.name} (${symbol.declarations?.[0]?.getSourceFile().fileName})`;
    // A generic type would need its parameters copied as well; no type the
    // SDK passes on is generic yet, so the build says so rather than guess.
    if (symbol.declarations?.some((d) => d.typeParameters?.length)) throw new Error(`cannot inline the generic type ${where}`);
    let declaration;
    if (symbol.flags & ts.SymbolFlags.TypeAlias) {
      declaration = factory.createTypeAliasDeclaration(undefined, name, undefined, this.print(type, true));
    } else if (symbol.flags & ts.SymbolFlags.Interface) {
      if (type.getCallSignatures().length || type.getConstructSignatures().length) throw new Error(`cannot inline the callable type ${where}`);
      declaration = factory.createInterfaceDeclaration(undefined, name, undefined, undefined, this.members(type));
    } else {
      throw new Error(`cannot inline ${where}: only interfaces and type aliases are copied`);
    }
    this.hoisted.push(withDocs(declaration, symbol, this.checker));
  }

  /** An object type's properties and index signatures, as members of an interface or type literal. */
  members(type) {
    const readonly = () => [factory.createModifier(ts.SyntaxKind.ReadonlyKeyword)];
    const properties = this.checker.getPropertiesOfType(type).map((property) => {
      const isReadonly = property.declarations?.some((d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly);
      const member = factory.createPropertySignature(
        isReadonly ? readonly() : undefined,
        propertyName(property.name),
        property.flags & ts.SymbolFlags.Optional ? factory.createToken(ts.SyntaxKind.QuestionToken) : undefined,
        this.print(this.checker.getTypeOfSymbol(property)),
      );
      return withDocs(member, property, this.checker);
    });
    const indexes = this.checker.getIndexInfosOfType(type).map((info) =>
      factory.createIndexSignature(
        info.isReadonly ? readonly() : undefined,
        [factory.createParameterDeclaration(undefined, undefined, 'key', undefined, this.print(info.keyType))],
        this.print(info.type),
      ),
    );
    return [...indexes, ...properties];
  }

  /** `import type { … } from '…'` for every name imported so far. */
  importDeclarations() {
    return [...this.imports].map(([pkg, names]) =>
      factory.createImportDeclaration(
        undefined,
        factory.createImportClause(
          true,
          undefined,
          factory.createNamedImports(
            [...names].map(([exported, local]) =>
              factory.createImportSpecifier(false, exported === local ? undefined : factory.createIdentifier(exported), factory.createIdentifier(local)),
            ),
          ),
        ),
        factory.createStringLiteral(pkg, true),
      ),
    );
  }
}

function propertyName(name) {
  return ts.isIdentifierText(name, ts.ScriptTarget.Latest) ? factory.createIdentifier(name) : factory.createStringLiteral(name, true);
}

/** Keeps a declaration's JSDoc on its copy: the published types are what integrators read. */
function withDocs(node, symbol, checker) {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker));
  if (!text) return node;
  const comment = text.includes('\n') ? `*\n${text.split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n')}\n ` : `* ${text} `;
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, comment, true);
}

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
const blank = ts.createSourceFile('printed.d.ts', '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

export function printNode(node) {
  return printer.printNode(ts.EmitHint.Unspecified, node, blank);
}
