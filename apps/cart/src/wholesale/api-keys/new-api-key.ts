import { randomBytes } from 'node:crypto';

/** A new key: 32 random bytes, URL-safe, with a prefix that makes it recognisable in a leak scan. */
export function generateApiKey(): string {
  return `wk_${randomBytes(32).toString('base64url')}`;
}

/** What is kept in clear to tell keys apart when rotating or revoking one (never enough to use it). */
export function apiKeyPrefix(apiKey: string): string {
  return apiKey.slice(0, 10);
}
