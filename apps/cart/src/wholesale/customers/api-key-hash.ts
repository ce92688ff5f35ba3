import { createHash } from 'node:crypto';

/** Keys are stored as their SHA-256 (hex): a leaked table does not leak usable keys. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}
