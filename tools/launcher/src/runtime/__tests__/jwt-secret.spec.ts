import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtSecretFor } from '../jwt-secret';

describe('jwtSecretFor', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jwt-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a secret once per data directory and reuses it, so tokens survive restarts', () => {
    const file = join(dir, 'jwt-secret');
    const first = jwtSecretFor(file, {});
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(jwtSecretFor(file, {})).toBe(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('prefers JWT_SECRET from the environment', () => {
    expect(jwtSecretFor(join(dir, 'jwt-secret'), { JWT_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
  });
});
