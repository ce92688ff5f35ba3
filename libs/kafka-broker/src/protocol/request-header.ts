import { ApiKey } from './api-keys';
import { KafkaReader } from './reader';

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/** Request header v1, or v2 (with tagged fields) for the flexible versions we accept. */
export function readRequestHeader(r: KafkaReader): RequestHeader {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.nullableString();
  // Only v3 is a flexible version we parse; newer ApiVersions versions are answered with
  // error 35 in the v0 layout without reading further.
  if (apiKey === ApiKey.ApiVersions && apiVersion === 3) r.taggedFields();
  return { apiKey, apiVersion, correlationId, clientId };
}
