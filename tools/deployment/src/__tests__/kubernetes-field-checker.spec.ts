import { KubernetesFieldChecker } from '../kubernetes-field-checker';
import { modelReferences, validateAgainstSchema } from '../kubernetes-model-registry';
import type { KubernetesObject } from '../kustomize-renderer';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are mutated as plain data */

function deployment(): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cart', labels: { 'app.kubernetes.io/name': 'cart' }, annotations: { note: 'x' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'cart' } },
        spec: {
          containers: [
            {
              name: 'cart',
              image: 'order-platform/cart:0.1.0',
              ports: [{ name: 'http', containerPort: 3101 }],
              readinessProbe: { httpGet: { path: '/health/ready', port: 'http' } },
              livenessProbe: { httpGet: { path: '/health', port: 3101 } },
              resources: { requests: { cpu: '100m', memory: '256Mi' } },
            },
          ],
        },
      },
    },
  };
}

describe('KubernetesFieldChecker', () => {
  let checker: KubernetesFieldChecker;

  beforeAll(() => {
    checker = new KubernetesFieldChecker(modelReferences());
  });

  it('accepts a well-formed object, free-form label maps and int-or-string ports included', () => {
    expect(checker.unknownFields(deployment())).toEqual([]);
  });

  it('reports unknown fields at every depth with their paths', () => {
    const object = deployment() as any;
    object.spec.replica = 3;
    object.spec.template.spec.containers[0].readinessprobe = {};
    object.spec.template.spec.containers[0].resources.limit = {};
    object.spec.template.spec.containers[0].ports[0].hostport = 1;
    expect(checker.unknownFields(object).sort()).toEqual([
      'spec.replica',
      'spec.template.spec.containers[0].ports[0].hostport',
      'spec.template.spec.containers[0].readinessprobe',
      'spec.template.spec.containers[0].resources.limit',
    ]);
  });

  it('catches what the schema validation lets through', () => {
    const object = deployment() as any;
    object.spec.template.spec.containers[0].imagePullPolcy = 'Always';
    expect(validateAgainstSchema(object)).toEqual([]);
    expect(checker.unknownFields(object)).toEqual(['spec.template.spec.containers[0].imagePullPolcy']);
  });

  it('catches a misspelt NetworkPolicy peer list, which would admit anyone', () => {
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'backends' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } },
        policyTypes: ['Ingress'],
        ingress: [
          { form: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }], ports: [{ port: 'http' }] },
        ],
      },
    };
    expect(validateAgainstSchema(policy)).toEqual([]);
    expect(checker.unknownFields(policy)).toEqual(['spec.ingress[0].form']);
  });

  it('reports a kind it has no API type for', () => {
    const object = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(checker.unknownFields(object)).toEqual(['(no API type registered for example.com/v1 Widget)']);
    expect(validateAgainstSchema(object)).toEqual(['no model registered for example.com/v1 Widget']);
  });
});

describe('validateAgainstSchema', () => {
  it('rejects a wrongly typed field', () => {
    const object = deployment() as any;
    object.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    expect(validateAgainstSchema(object).join('\n')).toContain('containerPort');
  });

  it('rejects a missing required field', () => {
    const object = deployment() as any;
    delete object.spec.selector;
    expect(validateAgainstSchema(object).join('\n')).toContain('selector');
  });
});
