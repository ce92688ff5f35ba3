import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/**
 * A small kustomize renderer: enough of `kubectl kustomize` for this repository's k8s/ tree,
 * so the manifests can be checked where kubectl is not installed. It refuses any
 * kustomization field or patch form it does not implement rather than ignore it.
 */

export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

interface PatchTarget {
  kind?: string;
  name?: string;
  namespace?: string;
  group?: string;
  version?: string;
}

interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  images?: Array<{ name: string; newName?: string; newTag?: string; digest?: string }>;
  replicas?: Array<{ name: string; count: number }>;
  patches?: Array<{ path?: string; patch?: string; target?: PatchTarget }>;
}

const SUPPORTED_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'replicas', 'patches']);
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'IngressClass',
  'PriorityClass',
]);
const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export function renderKustomization(directory: string): KubernetesObject[] {
  const file = KUSTOMIZATION_FILES.map((name) => path.join(directory, name)).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`no kustomization file in ${directory}`);
  const kustomization = (parse(readFileSync(file, 'utf8')) ?? {}) as Kustomization;
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED_FIELDS.has(key));
  if (unsupported.length > 0) {
    throw new Error(`${file}: the in-repo renderer does not implement ${unsupported.join(', ')}`);
  }

  let objects = (kustomization.resources ?? []).flatMap((resource) => loadResource(path.resolve(directory, resource)));
  for (const patch of kustomization.patches ?? []) objects = applyPatch(objects, patch, directory);
  if (kustomization.namespace) setNamespace(objects, kustomization.namespace);
  for (const image of kustomization.images ?? []) setImage(objects, image);
  for (const replica of kustomization.replicas ?? []) setReplicas(objects, replica);
  assertUniqueIds(objects);
  return objects;
}

function loadResource(target: string): KubernetesObject[] {
  if (statSync(target).isDirectory()) return renderKustomization(target);
  return parseAllDocuments(readFileSync(target, 'utf8'))
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`${target}: ${document.errors[0].message}`);
      return document.toJS() as KubernetesObject | null;
    })
    .filter((object): object is KubernetesObject => object !== null && object !== undefined);
}

export function objectId(object: KubernetesObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function assertUniqueIds(objects: KubernetesObject[]): void {
  const seen = new Set<string>();
  for (const object of objects) {
    const id = objectId(object);
    if (seen.has(id)) throw new Error(`duplicate object ${id}`);
    seen.add(id);
  }
}

function matchesTarget(object: KubernetesObject, target: PatchTarget): boolean {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const anchored = (pattern: string, value: string) => new RegExp(`^(?:${pattern})$`).test(value);
  return (
    (target.kind === undefined || anchored(target.kind, object.kind)) &&
    (target.name === undefined || anchored(target.name, object.metadata.name)) &&
    (target.namespace === undefined || anchored(target.namespace, object.metadata.namespace ?? '')) &&
    (target.group === undefined || target.group === group) &&
    (target.version === undefined || target.version === version)
  );
}

function applyPatch(
  objects: KubernetesObject[],
  patch: { path?: string; patch?: string; target?: PatchTarget },
  directory: string,
): KubernetesObject[] {
  const text = patch.patch ?? (patch.path ? readFileSync(path.resolve(directory, patch.path), 'utf8') : undefined);
  if (text === undefined) throw new Error('a patch needs `patch` or `path`');
  const operations = parse(text) as unknown;
  const target = patch.target;
  // `$patch: delete` is how an overlay drops objects of its base (e.g. the NetworkPolicies).
  if (target && isDeletePatch(operations)) return objects.filter((object) => !matchesTarget(object, target));
  if (!Array.isArray(operations) || !target) {
    throw new Error('the in-repo renderer implements JSON 6902 patches and `$patch: delete`, with a target only');
  }
  return objects.map((object) =>
    matchesTarget(object, target)
      ? (operations as JsonPatchOperation[]).reduce((patched, operation) => applyOperation(patched, operation), object)
      : object,
  );
}

function isDeletePatch(patch: unknown): boolean {
  return typeof patch === 'object' && patch !== null && !Array.isArray(patch) && (patch as Record<string, unknown>)['$patch'] === 'delete';
}

function pointerSegments(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer "${pointer}" must start with /`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function applyOperation<T>(document: T, operation: JsonPatchOperation): T {
  const copy = structuredClone(document);
  const segments = pointerSegments(operation.path);
  const last = segments.pop() as string;
  let parent: unknown = copy;
  for (const segment of segments) {
    parent = (parent as Record<string, unknown>)?.[segment];
    if (parent === undefined || parent === null) throw new Error(`patch path ${operation.path} does not exist`);
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new Error(`patch path ${operation.path}: bad array index`);
    }
    if (operation.op === 'add') parent.splice(index, 0, operation.value);
    else if (index >= parent.length) throw new Error(`patch path ${operation.path} does not exist`);
    else if (operation.op === 'replace') parent[index] = operation.value;
    else parent.splice(index, 1);
    return copy;
  }
  const record = parent as Record<string, unknown>;
  if (operation.op !== 'add' && !(last in record)) throw new Error(`patch path ${operation.path} does not exist`);
  if (operation.op === 'remove') delete record[last];
  else if (operation.op === 'add' || operation.op === 'replace') record[last] = operation.value;
  else throw new Error(`JSON patch op ${(operation as { op: string }).op} is not implemented`);
  return copy;
}

function setNamespace(objects: KubernetesObject[], namespace: string): void {
  for (const object of objects) {
    if (!CLUSTER_SCOPED_KINDS.has(object.kind)) object.metadata.namespace = namespace;
  }
}

type PodSpec = { containers?: Array<{ image?: string }>; initContainers?: Array<{ image?: string }> };

function podSpecOf(object: KubernetesObject): PodSpec | undefined {
  type Template = { spec?: PodSpec };
  const spec = object['spec'] as { template?: Template; jobTemplate?: { spec?: { template?: Template } } } | undefined;
  if (object.kind === 'Pod') return spec as PodSpec | undefined;
  if (object.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  return spec?.template?.spec;
}

function imageName(image: string): string {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function setImage(objects: KubernetesObject[], rule: { name: string; newName?: string; newTag?: string; digest?: string }): void {
  for (const object of objects) {
    const podSpec = podSpecOf(object);
    for (const container of [...(podSpec?.containers ?? []), ...(podSpec?.initContainers ?? [])]) {
      if (!container.image || imageName(container.image) !== rule.name) continue;
      const current = container.image;
      const tag = current.includes('@') ? '' : current.slice(imageName(current).length);
      const name = rule.newName ?? rule.name;
      if (rule.digest) container.image = `${name}@${rule.digest}`;
      else if (rule.newTag) container.image = `${name}:${rule.newTag}`;
      else container.image = `${name}${tag}`;
    }
  }
}

function setReplicas(objects: KubernetesObject[], rule: { name: string; count: number }): void {
  for (const object of objects) {
    if (SCALABLE_KINDS.has(object.kind) && object.metadata.name === rule.name) {
      (object['spec'] as Record<string, unknown>)['replicas'] = rule.count;
    }
  }
}
