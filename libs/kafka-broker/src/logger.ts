export interface BrokerLogger {
  info(msg: string, ctx?: object): void;
  warn(msg: string, ctx?: object): void;
  error(msg: string, ctx?: object): void;
}

export const silentLogger: BrokerLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** One JSON object per line on stdout, for the CLI. */
export function jsonLineLogger(stream: NodeJS.WritableStream = process.stdout): BrokerLogger {
  const write = (level: string, msg: string, ctx?: object) =>
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, service: 'kafka-broker', msg, ...ctx })}\n`);
  return {
    info: (msg, ctx) => write('info', msg, ctx),
    warn: (msg, ctx) => write('warn', msg, ctx),
    error: (msg, ctx) => write('error', msg, ctx),
  };
}
