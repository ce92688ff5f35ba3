import * as path from 'node:path';

/** The monorepo root, where docker-compose.yml, Dockerfile and k8s/ live. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
