import { formatLogLine, paint, servicePrefix } from '../logs/log-formatter';

/** Where the launcher prints: one line per event, each behind a `[source]` prefix. */
export class LauncherOutput {
  constructor(
    private readonly options: { colors: boolean; rawLogs: boolean; prefixWidth: number },
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  launcher(message: string): void {
    this.write(`${paint('[launcher]'.padEnd(this.options.prefixWidth + 2), 1, this.options.colors)} ${message}`);
  }

  /** A line from a service or an embedded component, pretty-printed unless raw logs are asked for. */
  source(name: string, line: string): void {
    const text = formatLogLine(line, { colors: this.options.colors, raw: this.options.rawLogs });
    this.write(`${servicePrefix(name, this.options.colors, this.options.prefixWidth)} ${text}`);
  }
}
