import type { KubernetesObject } from '../kustomize-renderer';
import { ingressAdmissions, podTemplates, podsIsolatedForIngress, restrictsEgress } from '../network-policy-admissions';

function deployment(name: string, port: number): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, team: 'orders' } },
        spec: { containers: [{ name, image: `${name}:1`, ports: [{ name: 'http', containerPort: port }] }] },
      },
    },
  };
}

function policy(name: string, spec: Record<string, unknown>): KubernetesObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec };
}

const WORKLOADS = [deployment('gateway', 3000), deployment('cart', 3101), deployment('kafka', 9092)];
const admissions = (objects: KubernetesObject[], workload: string) =>
  ingressAdmissions(objects, podTemplates(objects).find((pod) => pod.workload === workload) as never);

describe('ingressAdmissions', () => {
  it('admits anyone to a pod no ingress policy selects', () => {
    const objects = [...WORKLOADS, policy('egress-only', { podSelector: {}, policyTypes: ['Egress'] })];
    expect(admissions(objects, 'Deployment/cart')).toEqual(['anyone -> any port']);
    expect(podsIsolatedForIngress(objects)).toEqual([]);
  });

  it('admits nobody to a pod selected by a policy without ingress rules', () => {
    const objects = [...WORKLOADS, policy('deny', { podSelector: { matchLabels: { app: 'cart' } } })];
    expect(admissions(objects, 'Deployment/cart')).toEqual([]);
    expect(admissions(objects, 'Deployment/gateway')).toEqual(['anyone -> any port']);
    expect(podsIsolatedForIngress(objects)).toEqual(['Deployment/cart']);
  });

  it('names the workloads a pod selector admits and resolves named ports on the destination pod', () => {
    const objects = [
      ...WORKLOADS,
      policy('from-gateway', {
        podSelector: { matchLabels: { app: 'cart' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'gateway' } } }], ports: [{ port: 'http' }] }],
      }),
    ];
    expect(admissions(objects, 'Deployment/cart')).toEqual(['pods[Deployment/gateway] -> TCP/3101']);
  });

  it('adds up every policy that selects the pod', () => {
    const objects = [
      ...WORKLOADS,
      policy('from-gateway', {
        podSelector: { matchLabels: { app: 'cart' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'gateway' } } }], ports: [{ port: 3101 }] }],
      }),
      policy('from-monitoring', {
        podSelector: { matchLabels: { team: 'orders' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { monitoring: 'true' } } }], ports: [{ port: 'http' }] }],
      }),
    ];
    expect(admissions(objects, 'Deployment/cart')).toEqual([
      'namespaces[monitoring=true] -> TCP/3101',
      'pods[Deployment/gateway] -> TCP/3101',
    ]);
  });

  it('shows the openings a careless rule makes', () => {
    const objects = [
      ...WORKLOADS,
      policy('wide', {
        podSelector: { matchLabels: { app: 'cart' } },
        ingress: [
          { ports: [{ port: 'http' }] },
          { from: [{ podSelector: {} }] },
          { from: [{ namespaceSelector: {} }], ports: [{ port: 8080, endPort: 8090, protocol: 'UDP' }] },
          // A port name the pod does not declare admits nothing.
          {
            from: [{ podSelector: { matchLabels: { app: 'gateway' } }, namespaceSelector: { matchLabels: { env: 'x' } } }],
            ports: [{ port: 'metrics' }, { port: 'http' }],
          },
          { from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 'http' }] },
        ],
      }),
    ];
    expect(admissions(objects, 'Deployment/cart')).toEqual([
      'anyone -> TCP/3101',
      'ipBlock[10.0.0.0/8,!10.1.0.0/16] -> TCP/3101',
      'namespaces[*] -> UDP/8080-8090',
      'pods[*] -> any port',
      'pods[app=gateway] in namespaces[env=x] -> TCP/3101',
    ]);
  });
});

describe('restrictsEgress', () => {
  it('follows policyTypes, or the presence of egress rules without them', () => {
    expect(restrictsEgress(policy('a', { podSelector: {}, policyTypes: ['Ingress'] }))).toBe(false);
    expect(restrictsEgress(policy('b', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }))).toBe(true);
    expect(restrictsEgress(policy('c', { podSelector: {}, ingress: [] }))).toBe(false);
    expect(restrictsEgress(policy('d', { podSelector: {}, egress: [] }))).toBe(true);
  });
});
