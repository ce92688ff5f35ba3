import { buildAsyncApiDocument } from '@order-platform/contracts';
import { pathToFileURL } from 'node:url';
import { writeJsonFile } from './demo-file';

/** The event catalogue (AsyncAPI 3.0) for this run's brokers, written to `path`; returns its file:// URL. */
export function writeAsyncApiFile(path: string, kafkaBrokers: string): string {
  writeJsonFile(path, buildAsyncApiDocument({ servers: kafkaBrokers.split(',').map((broker) => broker.trim()) }));
  return pathToFileURL(path).toString();
}
