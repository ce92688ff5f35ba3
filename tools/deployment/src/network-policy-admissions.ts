import type { KubernetesObject } from './kustomize-renderer';
import { type LabelSelector, formatSelector, selectorMatches } from './label-selector';

/**
 * Reads the rendered NetworkPolicies the way the API defines them, to answer "who may open a
 * connection to this pod, on which port". Policies add up; a pod no ingress policy selects
 * accepts anyone.
 */

export interface PodTemplate {
  /** `Kind/name` of the workload that runs the pods, e.g. `Deployment/cart`. */
  workload: string;
  labels: Record<string, string>;
  ports: Array<{ name?: string; containerPort: number; protocol?: string }>;
}

interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface NetworkPolicyPort {
  port?: number | string;
  endPort?: number;
  protocol?: string;
}

interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: string[];
  ingress?: Array<{ from?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }>;
  egress?: unknown[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** The pod templates of the rendered workloads. */
export function podTemplates(objects: KubernetesObject[]): PodTemplate[] {
  type Template = {
    metadata?: { labels?: Record<string, string> };
    spec?: { containers?: Array<{ ports?: PodTemplate['ports'] }> };
  };
  return objects
    .filter((object) => WORKLOAD_KINDS.has(object.kind))
    .map((object) => {
      const template = (object['spec'] as { template?: Template } | undefined)?.template ?? {};
      return {
        workload: `${object.kind}/${object.metadata.name}`,
        labels: template.metadata?.labels ?? {},
        ports: (template.spec?.containers ?? []).flatMap((container) => container.ports ?? []),
      };
    });
}

function networkPolicies(objects: KubernetesObject[]): NetworkPolicySpec[] {
  return objects.filter((object) => object.kind === 'NetworkPolicy').map((object) => object['spec'] as NetworkPolicySpec);
}

// Without policyTypes a policy isolates ingress always, egress only when it has egress rules.
function isolatesIngress(policy: NetworkPolicySpec): boolean {
  return policy.policyTypes ? policy.policyTypes.includes('Ingress') : true;
}

export function restrictsEgress(policy: KubernetesObject): boolean {
  const spec = policy['spec'] as NetworkPolicySpec;
  return spec.policyTypes ? spec.policyTypes.includes('Egress') : spec.egress !== undefined;
}

/** The workloads (of the rendering) whose pods at least one ingress policy selects. */
export function podsIsolatedForIngress(objects: KubernetesObject[]): string[] {
  const policies = networkPolicies(objects).filter(isolatesIngress);
  return podTemplates(objects)
    .filter((pod) => policies.some((policy) => selectorMatches(policy.podSelector, pod.labels)))
    .map((pod) => pod.workload);
}

function describePeer(peer: NetworkPolicyPeer, pods: PodTemplate[]): string {
  if (peer.ipBlock) return `ipBlock[${[peer.ipBlock.cidr, ...(peer.ipBlock.except ?? []).map((cidr) => `!${cidr}`)].join(',')}]`;
  if (peer.namespaceSelector && peer.podSelector) {
    return `pods[${formatSelector(peer.podSelector)}] in namespaces[${formatSelector(peer.namespaceSelector)}]`;
  }
  if (peer.namespaceSelector) return `namespaces[${formatSelector(peer.namespaceSelector)}]`;
  // A pod selector alone means pods of the policy's namespace: name the workloads it selects.
  const selector = peer.podSelector ?? {};
  if (formatSelector(selector) === '*') return 'pods[*]';
  const matched = pods.filter((pod) => selectorMatches(selector, pod.labels)).map((pod) => pod.workload);
  return `pods[${matched.length > 0 ? matched.join(',') : `none rendered: ${formatSelector(selector)}`}]`;
}

// A named port resolves against the destination pod's container ports; unknown names admit nothing.
function describePorts(ports: NetworkPolicyPort[] | undefined, pod: PodTemplate): string[] {
  if (!ports || ports.length === 0) return ['any port'];
  return ports.flatMap((port) => {
    const protocol = port.protocol ?? 'TCP';
    if (port.port === undefined) return [`${protocol}/any`];
    const number =
      typeof port.port === 'number'
        ? port.port
        : pod.ports.find((candidate) => candidate.name === port.port && (candidate.protocol ?? 'TCP') === protocol)
            ?.containerPort;
    if (number === undefined) return [];
    return [port.endPort ? `${protocol}/${number}-${port.endPort}` : `${protocol}/${number}`];
  });
}

/**
 * Who may open a connection to the pod, one `peer -> port` line each, sorted: e.g.
 * `pods[Deployment/gateway] -> TCP/3101`, `namespaces[team=x] -> TCP/3101`, and
 * `anyone -> any port` for a pod no policy isolates.
 */
export function ingressAdmissions(objects: KubernetesObject[], pod: PodTemplate): string[] {
  const pods = podTemplates(objects);
  const policies = networkPolicies(objects).filter(
    (policy) => isolatesIngress(policy) && selectorMatches(policy.podSelector, pod.labels),
  );
  if (policies.length === 0) return ['anyone -> any port'];
  const lines = policies.flatMap((policy) =>
    (policy.ingress ?? []).flatMap((rule) => {
      const peers = rule.from && rule.from.length > 0 ? rule.from.map((peer) => describePeer(peer, pods)) : ['anyone'];
      const ports = describePorts(rule.ports, pod);
      return peers.flatMap((peer) => ports.map((port) => `${peer} -> ${port}`));
    }),
  );
  return [...new Set(lines)].sort();
}
