import * as path from 'node:path';
import * as ts from 'typescript';
import type { KubernetesObject } from './kustomize-renderer';
import type { ModelReference } from './kubernetes-model-registry';
import { WORKSPACE_ROOT } from './workspace-root';

/**
 * Finds fields the Kubernetes API does not define (a typo such as `readinessprobe` is
 * silently dropped by the API server). kubernetes-models' validators accept unknown fields,
 * but its TypeScript interfaces list every field of every API type; this walks an object
 * against those interfaces with the TypeScript type checker, at every depth.
 */
export class KubernetesFieldChecker {
  private readonly checker: ts.TypeChecker;
  private readonly rootTypes = new Map<string, ts.Type>();

  constructor(models: ModelReference[]) {
    // A virtual file beside node_modules so module resolution finds kubernetes-models.
    const virtualFile = path.join(WORKSPACE_ROOT, 'tools/deployment/kubernetes-types.virtual.ts');
    const aliasOf = (model: ModelReference) => `${model.kind}_${model.apiVersion.replace(/[^A-Za-z0-9]/g, '_')}`;
    const source = models
      .map((model) => `import type { ${model.interfaceName} as ${aliasOf(model)} } from '${model.moduleSpecifier}';\n` +
        `export type ${aliasOf(model)}_Root = ${aliasOf(model)};`)
      .join('\n');
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, ...rest) =>
      path.resolve(fileName) === virtualFile
        ? ts.createSourceFile(fileName, source, languageVersion)
        : getSourceFile(fileName, languageVersion, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => path.resolve(fileName) === virtualFile || fileExists(fileName);
    const program = ts.createProgram([virtualFile], options, host);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    if (problems.length > 0) throw new Error(`cannot load the Kubernetes types:\n${problems.join('\n')}`);

    this.checker = program.getTypeChecker();
    const sourceFile = program.getSourceFile(virtualFile) as ts.SourceFile;
    const exported = this.checker.getExportsOfModule(this.checker.getSymbolAtLocation(sourceFile) as ts.Symbol);
    for (const model of models) {
      const symbol = exported.find((candidate) => candidate.name === `${aliasOf(model)}_Root`);
      if (!symbol) throw new Error(`no type for ${model.apiVersion} ${model.kind}`);
      this.rootTypes.set(`${model.apiVersion}/${model.kind}`, this.checker.getDeclaredTypeOfSymbol(symbol));
    }
  }

  /** Paths of the fields the object's API type does not define, e.g. `spec.template.spec.containers[0].imagePull`. */
  unknownFields(object: KubernetesObject): string[] {
    const type = this.rootTypes.get(`${object.apiVersion}/${object.kind}`);
    if (!type) return [`(no API type registered for ${object.apiVersion} ${object.kind})`];
    const found: string[] = [];
    this.walk(object, type, '', found);
    return found;
  }

  private walk(value: unknown, declared: ts.Type, at: string, found: string[]): void {
    if (value === null || typeof value !== 'object') return;
    const type = this.checker.getNonNullableType(declared);
    if (Array.isArray(value)) {
      const element = this.checker.getIndexTypeOfType(type, ts.IndexKind.Number);
      if (element) value.forEach((item, index) => this.walk(item, element, `${at}[${index}]`, found));
      return;
    }
    const candidates = (type.isUnion() ? type.types : [type]).filter((member) => member.flags & ts.TypeFlags.Object);
    // Values typed as a free-form object (e.g. `any`) have no fields to check.
    if (candidates.length === 0) return;
    const keys = Object.keys(value);
    const objectType =
      candidates.find((member) => keys.every((key) => this.fieldType(member, key) !== undefined)) ?? candidates[0];
    for (const key of keys) {
      const fieldPath = at ? `${at}.${key}` : key;
      const fieldType = this.fieldType(objectType, key);
      if (fieldType === undefined) found.push(fieldPath);
      else this.walk((value as Record<string, unknown>)[key], fieldType, fieldPath, found);
    }
  }

  private fieldType(type: ts.Type, key: string): ts.Type | undefined {
    const property = this.checker.getPropertyOfType(type, key);
    if (property) return this.checker.getTypeOfSymbol(property);
    return this.checker.getIndexTypeOfType(type, ts.IndexKind.String);
  }
}
