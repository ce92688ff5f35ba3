/**
 * Regenerates libs/contracts/asyncapi/asyncapi.yaml from the contract classes:
 *   node -r @swc-node/register libs/contracts/src/cli/write-asyncapi.ts
 */
import { writeFileSync } from 'node:fs';
import { ASYNCAPI_FILE, renderAsyncApiYaml } from '../asyncapi/asyncapi-file';

writeFileSync(ASYNCAPI_FILE, renderAsyncApiYaml());
process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
