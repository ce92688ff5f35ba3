import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { KubernetesObject } from './kustomize-renderer';

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: never): { validate(): void };
}

/** The API kinds the manifests may use, each with its kubernetes-models class. */
const MODELS: readonly ModelClass[] = [
  ConfigMap,
  Deployment,
  Ingress,
  Job,
  Namespace,
  NetworkPolicy,
  PersistentVolumeClaim,
  PodDisruptionBudget,
  Secret,
  Service,
  StatefulSet,
];

export interface ModelReference {
  apiVersion: string;
  kind: string;
  /** The module and interface that describe the kind's fields, for the unknown-field check. */
  moduleSpecifier: string;
  interfaceName: string;
}

export function modelReferences(): ModelReference[] {
  return MODELS.map((model) => ({
    apiVersion: model.apiVersion,
    kind: model.kind,
    moduleSpecifier: `kubernetes-models/${model.apiVersion}/${model.kind}`,
    interfaceName: `I${model.kind}`,
  }));
}

function findModel(object: KubernetesObject): ModelClass | undefined {
  return MODELS.find((model) => model.apiVersion === object.apiVersion && model.kind === object.kind);
}

/** Validates an object against the Kubernetes API schema; returns the problems found. */
export function validateAgainstSchema(object: KubernetesObject): string[] {
  const model = findModel(object);
  if (!model) return [`no model registered for ${object.apiVersion} ${object.kind}`];
  try {
    new model(structuredClone(object) as never).validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
