import { buildAsyncApiDocument } from '@order-platform/contracts';
import { stringify } from 'yaml';

export const ASYNCAPI_DOCUMENT = Symbol('ASYNCAPI_DOCUMENT');

export interface RenderedAsyncApi {
  json: string;
  yaml: string;
}

/** Built once at start: the event catalogue only changes with a new release. */
export function renderAsyncApi(): RenderedAsyncApi {
  const document = buildAsyncApiDocument();
  return { json: JSON.stringify(document), yaml: stringify(document, { aliasDuplicateObjects: false }) };
}
