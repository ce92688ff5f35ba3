import { randomBytes } from 'node:crypto';

// Unique topic and group names let every test run in any order, twice, and against a
// shared real Kafka without seeing another run's data.
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
