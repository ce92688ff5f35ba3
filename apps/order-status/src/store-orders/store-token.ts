import { createHash, randomBytes } from 'node:crypto';

/** Only the SHA-256 of a store token is stored: a database leak does not leak usable tokens. */
export function hashStoreToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: 32 random bytes, URL-safe, with a prefix that makes it recognisable in a leak scan. */
export function generateStoreToken(): string {
  return `st_${randomBytes(32).toString('base64url')}`;
}

/** What is kept in clear to tell tokens apart when revoking one (never enough to use it). */
export function tokenPrefix(token: string): string {
  return token.slice(0, 10);
}
