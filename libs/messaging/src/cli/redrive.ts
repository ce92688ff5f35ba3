/**
 * Moves dead letters of a topic back to it.
 *   node -r @swc-node/register libs/messaging/src/cli/redrive.ts --topic CartUpdated --brokers 127.0.0.1:9092 [--group g] [--limit n]
 * --brokers defaults to KAFKA_BROKERS. Prints the result as JSON; exit code 1 on error.
 */
import { parseBrokers } from '../kafka/kafka-options';
import { redriveDeadLetters } from '../redrive/redrive-dead-letters';

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument '${argv[i]}'`);
    args[match[1]] = match[2] ?? argv[++i] ?? '';
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args['help'] !== undefined || !args['topic']) {
    process.stdout.write('usage: redrive --topic <topic> [--brokers host:port,...] [--group id] [--limit n] [--timeout-ms n]\n');
    process.exitCode = args['topic'] ? 0 : 1;
    return;
  }
  const limit = args['limit'] !== undefined ? Number(args['limit']) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new Error('--limit must be a non-negative integer');
  const result = await redriveDeadLetters({
    topic: args['topic'],
    brokers: parseBrokers(args['brokers'] ?? process.env['KAFKA_BROKERS'], args['brokers'] ? '--brokers' : 'KAFKA_BROKERS'),
    groupId: args['group'],
    limit,
    timeoutMs: args['timeout-ms'] ? Number(args['timeout-ms']) : undefined,
  });
  process.stdout.write(`${JSON.stringify({ topic: args['topic'], ...result })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`redrive failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
