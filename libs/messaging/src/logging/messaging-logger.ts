/** The logging surface the messaging helpers need; Nest's Logger and pino adapters fit it. */
export interface MessagingLogger {
  log(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const silentLogger: MessagingLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Adapts Nest's Logger (message, context-string) to structured calls. */
export function nestLoggerAdapter(logger: { log(m: string): void; warn(m: string): void; error(m: string): void }): MessagingLogger {
  const format = (message: string, context?: Record<string, unknown>) => (context ? `${message} ${JSON.stringify(context)}` : message);
  return {
    log: (m, c) => logger.log(format(m, c)),
    warn: (m, c) => logger.warn(format(m, c)),
    error: (m, c) => logger.error(format(m, c)),
  };
}
