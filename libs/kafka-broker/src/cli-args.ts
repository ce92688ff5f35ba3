import type { BrokerOptions } from './broker-options';

export type CliCommand = { kind: 'serve'; options: BrokerOptions } | { kind: 'describe'; brokers: string } | { kind: 'help' };

export const usage = `Usage:
  npm run broker -- [--host 127.0.0.1] [--port 9092] [--data-dir .data/kafka] [--partitions 3]
                    [--no-auto-create] [--max-message-bytes N] [--retention-bytes N] [--retention-ms N]
                    [--flush-interval-ms N] [--advertised-host H]
  npm run broker -- describe --brokers host:port`;

const numeric: Record<string, keyof BrokerOptions> = {
  '--port': 'port',
  '--partitions': 'defaultPartitions',
  '--max-message-bytes': 'maxMessageBytes',
  '--retention-bytes': 'retentionBytes',
  '--retention-ms': 'retentionMs',
  '--flush-interval-ms': 'flushIntervalMs',
  '--segment-bytes': 'segmentBytes',
};

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  if (args[0] === 'describe') {
    const i = args.indexOf('--brokers');
    return { kind: 'describe', brokers: i >= 0 && args[i + 1] ? args[i + 1] : '127.0.0.1:9092' };
  }
  const options: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--no-auto-create') {
      options.autoCreateTopics = false;
      continue;
    }
    if (value === undefined) throw new Error(`missing value for ${flag}`);
    if (numeric[flag]) {
      const n = Number(value);
      if (!Number.isInteger(n)) throw new Error(`${flag} needs an integer, got '${value}'`);
      options[numeric[flag]] = n;
    } else if (flag === '--host') options.host = value;
    else if (flag === '--data-dir') options.dataDir = value;
    else if (flag === '--advertised-host') options.advertisedHost = value;
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  return { kind: 'serve', options: options as BrokerOptions };
}
