import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderKustomization } from '../kustomize-renderer';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are mutated as plain data */

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  replicas: 2
  selector:
    matchLabels: { app: cart }
  template:
    metadata:
      labels: { app: cart }
    spec:
      containers:
        - name: cart
          image: order-platform/cart:0.1.0
          resources:
            requests: { cpu: 100m }
`;

const CONFIG_MAPS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: common
data:
  LOG_LEVEL: info
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cart-config
data:
  HTTP_PORT: "3101"
`;

describe('renderKustomization', () => {
  let root: string;

  function write(relative: string, content: string): void {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kustomize-renderer-'));
    write('base/deployment.yaml', DEPLOYMENT);
    write('base/configmaps.yaml', CONFIG_MAPS);
    write('base/kustomization.yaml', 'namespace: shop\nresources:\n  - deployment.yaml\n  - configmaps.yaml\n');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('loads every document of every resource file and sets the namespace', () => {
    const objects = renderKustomization(path.join(root, 'base'));
    expect(objects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'Deployment/shop/cart',
      'ConfigMap/shop/common',
      'ConfigMap/shop/cart-config',
    ]);
  });

  it('applies an overlay: namespace, images, replicas and targeted JSON patches', () => {
    write(
      'overlay/kustomization.yaml',
      `namespace: shop-dev
resources:
  - ../base
images:
  - name: order-platform/cart
    newName: registry.local/cart
    newTag: dev
replicas:
  - name: cart
    count: 1
patches:
  - target: { kind: ConfigMap, name: common }
    patch: |-
      - op: replace
        path: /data/LOG_LEVEL
        value: debug
  - target: { kind: Deployment }
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/resources/requests/memory
        value: 128Mi
      - op: remove
        path: /spec/template/spec/containers/0/resources/requests/cpu
`,
    );
    const objects = renderKustomization(path.join(root, 'overlay'));
    const deployment = objects.find((o) => o.kind === 'Deployment') as any;
    expect(objects.every((o) => o.metadata.namespace === 'shop-dev')).toBe(true);
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.template.spec.containers[0].image).toBe('registry.local/cart:dev');
    expect(deployment.spec.template.spec.containers[0].resources.requests).toEqual({ memory: '128Mi' });
    expect((objects.find((o) => o.metadata.name === 'common') as any).data.LOG_LEVEL).toBe('debug');
    expect((objects.find((o) => o.metadata.name === 'cart-config') as any).data).toEqual({ HTTP_PORT: '3101' });
  });

  it('refuses kustomization fields it does not implement', () => {
    write('base/kustomization.yaml', 'resources:\n  - deployment.yaml\ncommonLabels:\n  team: orders\n');
    expect(() => renderKustomization(path.join(root, 'base'))).toThrow('does not implement commonLabels');
  });

  it('refuses strategic-merge patches and patches of paths that do not exist', () => {
    write(
      'overlay/kustomization.yaml',
      'resources: [../base]\npatches:\n  - target: { kind: Deployment }\n    patch: |-\n      spec:\n        replicas: 1\n',
    );
    expect(() => renderKustomization(path.join(root, 'overlay'))).toThrow('JSON 6902');
    write(
      'overlay/kustomization.yaml',
      'resources: [../base]\npatches:\n  - target: { kind: Deployment }\n    patch: |-\n      - op: replace\n        path: /spec/strategy/type\n        value: Recreate\n',
    );
    expect(() => renderKustomization(path.join(root, 'overlay'))).toThrow('does not exist');
  });

  it('drops the objects a targeted `$patch: delete` names', () => {
    write(
      'overlay/kustomization.yaml',
      `resources: [../base]
patches:
  - target: { kind: ConfigMap, name: common }
    patch: |-
      $patch: delete
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: any
`,
    );
    const objects = renderKustomization(path.join(root, 'overlay'));
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/cart', 'ConfigMap/cart-config']);
  });

  it('rejects two objects with the same kind, namespace and name', () => {
    write('base/kustomization.yaml', 'resources:\n  - configmaps.yaml\n  - configmaps.yaml\n');
    expect(() => renderKustomization(path.join(root, 'base'))).toThrow('duplicate object ConfigMap//common');
  });
});
