// Declares a client's view of a tRPC router: for every procedure its kind,
// input, output, meta and error shape, as `TRPCBuiltRouter<root, record>`
// of @trpc/server's public types. The server's context type is left out:
// it names the database (Kysely), the configuration and Fastify, none of
// which a client has or needs; clients read only the record and the root's
// error shape and transformer.
import ts from 'typescript';
import { printNode } from './type-inliner.mjs';

const { factory } = ts;

const PROCEDURE_TYPES = { query: 'TRPCQueryProcedure', mutation: 'TRPCMutationProcedure', subscription: 'TRPCSubscriptionProcedure' };

function propertyType(checker, type, name) {
  const property = type.getProperty(name);
  if (!property) throw new Error(`expected a property ${name} in ${checker.typeToString(type)}`);
  return checker.getTypeOfSymbol(property);
}

function member(name, type) {
  const key = ts.isIdentifierText(name, ts.ScriptTarget.Latest) ? name : factory.createStringLiteral(name, true);
  return factory.createPropertySignature(undefined, key, undefined, type);
}

/**
 * @param {import('./type-inliner.mjs').TypeInliner} inliner
 * @param {ts.Type} router the server's router type (`typeof appRouter`)
 * @param {string} name the exported name of the declaration
 * @returns {ts.Statement[]} an alias of the error shape and the router's declaration
 */
export function routerDeclaration(inliner, router, name) {
  const { checker } = inliner;
  const def = propertyType(checker, router, '_def');
  const root = propertyType(checker, propertyType(checker, def, '_config'), '$types');

  const errorShapeName = inliner.claim('ErrorShape');
  const errorShape = inliner.print(propertyType(checker, root, 'errorShape'));
  const errorShapeText = printNode(errorShape);
  const errorShapeRef = factory.createTypeReferenceNode(errorShapeName);
  // Every procedure repeats the root's error shape; one alias keeps the file readable.
  const shapeOf = (type) => {
    const printed = inliner.print(type);
    return printNode(printed) === errorShapeText ? errorShapeRef : printed;
  };

  const rootMembers = checker.getPropertiesOfType(root).map((p) =>
    member(p.name, p.name === 'ctx' ? factory.createKeywordTypeNode(ts.SyntaxKind.ObjectKeyword) : shapeOf(checker.getTypeOfSymbol(p))),
  );

  const procedure = (path, type, procedureDef) => {
    const kind = checker.getTypeOfSymbol(procedureDef.getProperty('type'));
    const generic = kind.isStringLiteral() ? PROCEDURE_TYPES[kind.value] : undefined;
    if (!generic || type.getProperty('_observable')) throw new Error(`${path}: cannot declare a procedure of type ${checker.typeToString(kind)}`);
    const types = propertyType(checker, procedureDef, '$types');
    const procedureMembers = [
      member('input', inliner.print(propertyType(checker, types, 'input'))),
      member('output', inliner.print(propertyType(checker, types, 'output'))),
      member('meta', inliner.print(propertyType(checker, type, 'meta'))),
      member('errorShape', shapeOf(propertyType(checker, types, 'errorShape'))),
    ];
    return factory.createTypeReferenceNode(inliner.importName('@trpc/server', generic), [factory.createTypeLiteralNode(procedureMembers)]);
  };

  const record = (path, type) =>
    factory.createTypeLiteralNode(
      checker.getPropertiesOfType(type).map((p) => {
        const value = checker.getTypeOfSymbol(p);
        const procedureDef = value.getProperty('_def') && checker.getTypeOfSymbol(value.getProperty('_def'));
        const isProcedure = procedureDef?.getProperty('procedure');
        return member(p.name, isProcedure ? procedure(`${path}${p.name}`, value, procedureDef) : record(`${path}${p.name}.`, value));
      }),
    );

  const builtRouter = inliner.importName('@trpc/server', 'TRPCBuiltRouter');
  return [
    factory.createTypeAliasDeclaration(undefined, errorShapeName, undefined, errorShape),
    factory.createTypeAliasDeclaration(
      [factory.createModifier(ts.SyntaxKind.ExportKeyword)],
      name,
      undefined,
      factory.createTypeReferenceNode(builtRouter, [factory.createTypeLiteralNode(rootMembers), record('', propertyType(checker, def, 'record'))]),
    ),
  ];
}
