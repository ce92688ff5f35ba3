import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { EXTERNAL_SECRETS, NAMESPACE_LABELS, SERVICES, expectedTopics } from '../src/deployment-expectations';
import { renderWithKubectl } from '../src/kubectl-kustomize';
import { KubernetesFieldChecker } from '../src/kubernetes-field-checker';
import { modelReferences, validateAgainstSchema } from '../src/kubernetes-model-registry';
import { KubernetesObject, objectId, renderKustomization } from '../src/kustomize-renderer';
import { formatSelector } from '../src/label-selector';
import { ingressAdmissions, podTemplates, podsIsolatedForIngress, restrictsEgress } from '../src/network-policy-admissions';
import { parseTopicList } from '../src/topic-list';
import { WORKSPACE_ROOT } from '../src/workspace-root';

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are walked as plain data */

const K8S = path.join(WORKSPACE_ROOT, 'k8s');
const KUSTOMIZATIONS = ['base', 'overlays/dev'];

function find(objects: KubernetesObject[], kind: string, name: string): any {
  return objects.find((object) => object.kind === kind && object.metadata.name === name);
}

function byId(objects: KubernetesObject[]): Record<string, KubernetesObject> {
  return Object.fromEntries(objects.map((object) => [objectId(object), object]));
}

function yamlFilesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

/** Every Secret name the objects refer to: secretKeyRef / secretRef names and secretName fields. */
function referencedSecrets(objects: KubernetesObject[]): string[] {
  const names = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if ((key === 'secretKeyRef' || key === 'secretRef') && typeof record['name'] === 'string') names.add(record['name']);
    if (typeof record['secretName'] === 'string') names.add(record['secretName']);
    Object.entries(record).forEach(([childKey, child]) => visit(child, childKey));
  };
  visit(objects);
  return [...names].sort();
}

let sharedChecker: KubernetesFieldChecker | undefined;
// Loading the API types takes about a second: share one checker across the suites.
function fieldChecker(): KubernetesFieldChecker {
  sharedChecker ??= new KubernetesFieldChecker(modelReferences());
  return sharedChecker;
}

describe.each(KUSTOMIZATIONS)('k8s/%s', (kustomization) => {
  let objects: KubernetesObject[];
  let checker: KubernetesFieldChecker;

  beforeAll(() => {
    objects = renderKustomization(path.join(K8S, kustomization));
    checker = fieldChecker();
  });

  it('renders the same objects as kubectl kustomize, when kubectl is installed', () => {
    const reference = renderWithKubectl(path.join(K8S, kustomization));
    // Without kubectl the in-repo renderer is the only renderer; it is covered by its own tests.
    if (reference === undefined) return expect(objects.length).toBeGreaterThan(0);
    expect(byId(objects)).toEqual(byId(reference));
  });

  it('validates every object against the Kubernetes API schemas', () => {
    const problems = objects.flatMap((object) => validateAgainstSchema(object).map((p) => `${objectId(object)}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('uses no field the Kubernetes API does not define', () => {
    const unknown = objects.flatMap((object) => checker.unknownFields(object).map((field) => `${objectId(object)}: ${field}`));
    expect(unknown).toEqual([]);
  });

  it('puts every object in one namespace', () => {
    const namespaces = new Set(objects.map((object) => object.metadata.namespace));
    expect([...namespaces]).toEqual([kustomization === 'base' ? 'order-platform' : 'order-platform-dev']);
  });

  it('carries no Secret data and references only the documented Secrets', () => {
    for (const secret of objects.filter((object) => object.kind === 'Secret')) {
      expect({ id: objectId(secret), data: secret['data'], stringData: secret['stringData'] }).toEqual({
        id: objectId(secret),
        data: undefined,
        stringData: undefined,
      });
    }
    const referenced = referencedSecrets(objects);
    expect(referenced).toContain('order-platform-secrets');
    expect(referenced.filter((name) => !EXTERNAL_SECRETS.includes(name))).toEqual([]);
  });

  describe.each(SERVICES)('service $name', (expected) => {
    let deployment: any;
    let container: any;
    let config: any;

    beforeAll(() => {
      deployment = find(objects, 'Deployment', expected.name);
      container = deployment?.spec.template.spec.containers.find((c: any) => c.name === expected.name);
      config = find(objects, 'ConfigMap', `${expected.name}-config`);
    });

    const containerPort = (port: number | string) =>
      typeof port === 'number' ? port : container.ports.find((p: any) => p.name === port)?.containerPort;

    it('has a Deployment, a Service and a ConfigMap', () => {
      expect(deployment).toBeDefined();
      expect(container).toBeDefined();
      expect(find(objects, 'Service', expected.name)).toBeDefined();
      expect(config).toBeDefined();
    });

    it('listens on its conventional port, configured through its ConfigMap', () => {
      expect(config.data.HTTP_PORT).toBe(String(expected.httpPort));
      expect(container.ports.map((p: any) => p.containerPort)).toEqual([expected.httpPort]);
      expect(config.data.KAFKA_CLIENT_ID).toBe(expected.name);
      if (expected.databaseSchema) expect(config.data.DATABASE_SCHEMA).toBe(expected.databaseSchema);
    });

    it('probes /health for liveness and /health/ready for readiness on that port', () => {
      expect(container.livenessProbe.httpGet.path).toBe('/health');
      expect(containerPort(container.livenessProbe.httpGet.port)).toBe(expected.httpPort);
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(containerPort(container.readinessProbe.httpGet.port)).toBe(expected.httpPort);
      if (container.startupProbe) expect(containerPort(container.startupProbe.httpGet.port)).toBe(expected.httpPort);
    });

    it('sets resource requests and limits', () => {
      for (const bound of ['requests', 'limits']) {
        expect(container.resources?.[bound]).toEqual(
          expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
        );
      }
    });

    it('runs as a non-root user without privilege escalation', () => {
      const podSecurity = deployment.spec.template.spec.securityContext ?? {};
      const security = container.securityContext ?? {};
      expect(security.runAsNonRoot ?? podSecurity.runAsNonRoot).toBe(true);
      expect(security.runAsUser ?? podSecurity.runAsUser).toBeGreaterThan(0);
      expect(security.allowPrivilegeEscalation).toBe(false);
    });

    it('reads ConfigMaps that exist and its credentials from the Secret by key', () => {
      const configMaps = container.envFrom.filter((source: any) => source.configMapRef).map((s: any) => s.configMapRef.name);
      expect(configMaps).toContain(`${expected.name}-config`);
      for (const name of configMaps) expect(find(objects, 'ConfigMap', name)).toBeDefined();
      const secretKeys = (container.env ?? [])
        .filter((variable: any) => variable.valueFrom?.secretKeyRef)
        .map((variable: any) => {
          expect(variable.valueFrom.secretKeyRef.name).toBe('order-platform-secrets');
          expect(variable.valueFrom.secretKeyRef.key).toBe(variable.name);
          return variable.name;
        });
      expect(secretKeys.sort()).toEqual([...(expected.databaseSchema ? ['DATABASE_URL'] : []), ...expected.extraSecrets].sort());
    });

    it('allows the pod to finish its shutdown budget before it is killed', () => {
      const common = find(objects, 'ConfigMap', 'order-platform-common');
      const budgetSeconds = Number(config.data.SHUTDOWN_TIMEOUT_MS ?? common.data.SHUTDOWN_TIMEOUT_MS) / 1000;
      const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
      const preStopSeconds = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
      const grace = deployment.spec.template.spec.terminationGracePeriodSeconds;
      expect(budgetSeconds).toBeGreaterThan(0);
      expect(grace).toBeGreaterThanOrEqual(preStopSeconds + budgetSeconds);
      expect(grace).toBeLessThanOrEqual(preStopSeconds + budgetSeconds + 10);
    });

    it('is selected by its Service, which targets the container port', () => {
      const service = find(objects, 'Service', expected.name);
      const podLabels = deployment.spec.template.metadata.labels;
      for (const [key, value] of Object.entries(service.spec.selector)) expect(podLabels[key]).toBe(value);
      for (const [key, value] of Object.entries(deployment.spec.selector.matchLabels)) expect(podLabels[key]).toBe(value);
      expect(service.spec.ports.map((port: any) => containerPort(port.targetPort))).toEqual([expected.httpPort]);
    });
  });

  it('routes the Ingress to the gateway Service on a port it exposes', () => {
    const ingresses = objects.filter((object) => object.kind === 'Ingress') as any[];
    expect(ingresses).toHaveLength(1);
    const backends = ingresses[0].spec.rules.flatMap((rule: any) => rule.http.paths.map((p: any) => p.backend.service));
    expect(backends.length).toBeGreaterThan(0);
    const gateway = find(objects, 'Service', 'gateway');
    for (const backend of backends) {
      expect(backend.name).toBe('gateway');
      const exposed = gateway.spec.ports.some((port: any) => port.name === backend.port.name || port.port === backend.port.number);
      expect(exposed).toBe(true);
    }
  });

  it('creates every Kafka topic from the topic ConfigMap in a Job', () => {
    const topicsConfig = find(objects, 'ConfigMap', 'kafka-topics');
    const topics = parseTopicList(topicsConfig.data['topics.txt']);
    expect(topics.map((topic) => topic.name).sort()).toEqual(expectedTopics().sort());
    expect(Number(topicsConfig.data.REPLICATION_FACTOR)).toBeGreaterThanOrEqual(1);
    expect(topicsConfig.data['create-topics.sh']).toContain('/etc/kafka-topics/topics.txt');

    const job = find(objects, 'Job', 'kafka-topics');
    const pod = job.spec.template.spec;
    const mount = pod.containers[0].volumeMounts.find((m: any) => m.mountPath === '/etc/kafka-topics');
    const volume = pod.volumes.find((v: any) => v.name === mount.name);
    expect(volume.configMap.name).toBe('kafka-topics');
    expect(pod.containers[0].command.join(' ')).toContain('/etc/kafka-topics/create-topics.sh');
  });

  it('gives the request-reply topics a partition per gateway replica', () => {
    const topics = parseTopicList(find(objects, 'ConfigMap', 'kafka-topics').data['topics.txt']);
    const replies = topics.filter((topic) => topic.name.endsWith('.reply'));
    const gatewayReplicas = find(objects, 'Deployment', 'gateway').spec.replicas ?? 1;
    for (const reply of replies) expect(reply.partitions).toBeGreaterThanOrEqual(gatewayReplicas);
  });

  describe('network policies', () => {
    const backends = SERVICES.filter((service) => service.name !== 'gateway');
    const fromNamespaces = (labels: Record<string, string>) => `namespaces[${formatSelector({ matchLabels: labels })}]`;
    const admissionsOf = (name: string) => {
      const pod = podTemplates(objects).find((candidate) => candidate.workload === `Deployment/${name}`);
      if (!pod) throw new Error(`no Deployment/${name}`);
      return ingressAdmissions(objects, pod);
    };

    // The internal order reads (docs/adr/0003) are unauthenticated: their port is the gateway's only.
    it.each(backends)('admit only the gateway and the metrics scraper to $name on its HTTP port', ({ name, httpPort }) => {
      expect(admissionsOf(name)).toEqual(
        [
          `pods[Deployment/gateway] -> TCP/${httpPort}`,
          `${fromNamespaces(NAMESPACE_LABELS.metricsScraper)} -> TCP/${httpPort}`,
        ].sort(),
      );
    });

    it('admit the ingress controller and the metrics scraper to the gateway on its HTTP port', () => {
      const gatewayPort = SERVICES.find((service) => service.name === 'gateway')?.httpPort;
      expect(admissionsOf('gateway')).toEqual(
        [
          `${fromNamespaces(NAMESPACE_LABELS.ingressController)} -> TCP/${gatewayPort}`,
          `${fromNamespaces(NAMESPACE_LABELS.metricsScraper)} -> TCP/${gatewayPort}`,
        ].sort(),
      );
    });

    it('select only the platform services, so other pods (the dev Kafka and PostgreSQL) stay reachable', () => {
      expect(podsIsolatedForIngress(objects).sort()).toEqual(SERVICES.map((service) => `Deployment/${service.name}`).sort());
      for (const pod of podTemplates(objects).filter((p) => !SERVICES.some((s) => p.workload === `Deployment/${s.name}`))) {
        expect({ pod: pod.workload, admitted: ingressAdmissions(objects, pod) }).toEqual({
          pod: pod.workload,
          admitted: ['anyone -> any port'],
        });
      }
    });

    it('leave egress open (Kafka, PostgreSQL, SMTP and the payment provider live outside the namespace)', () => {
      const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
      expect(policies.length).toBeGreaterThan(0);
      expect(policies.filter(restrictsEgress).map(objectId)).toEqual([]);
    });
  });
});

describe('k8s/ files in the repository', () => {
  it('contain no Secret with data', () => {
    const offenders = yamlFilesUnder(K8S).flatMap((file) =>
      parseAllDocuments(readFileSync(file, 'utf8'))
        .map((document) => document.toJS() as Record<string, unknown> | null)
        .filter((object) => object?.['kind'] === 'Secret' && (object['data'] || object['stringData']))
        .map(() => path.relative(WORKSPACE_ROOT, file)),
    );
    expect(offenders).toEqual([]);
  });
});

describe('docs/deployment.md', () => {
  it('names the namespace labels the network policies admit', () => {
    const docs = readFileSync(path.join(WORKSPACE_ROOT, 'docs/deployment.md'), 'utf8');
    for (const labels of Object.values(NAMESPACE_LABELS)) {
      for (const [key, value] of Object.entries(labels)) expect(docs).toContain(`${key}=${value}`);
    }
  });
});
