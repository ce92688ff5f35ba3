import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { CORRELATION_HEADER, currentCorrelationId } from '../correlation/correlation';
import type { LogLevel } from '../config/log-level';

export interface LoggerSettings {
  service: string;
  level: LogLevel;
  pretty: boolean;
}

// Probes and scrapes would drown the useful request logs.
const QUIET_PATHS = ['/health', '/metrics'];

// Middleware may see a url with its mount path stripped; originalUrl keeps the full path.
function requestPath(req: IncomingMessage): string {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
}

/** nestjs-pino settings: JSON lines with `service` and, when known, `correlationId`. */
export function buildLoggerParams(settings: LoggerSettings): Params {
  return {
    pinoHttp: {
      level: settings.level,
      base: { service: settings.service },
      messageKey: 'msg',
      timestamp: stdTimeFunctions.isoTime,
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      genReqId: (req: IncomingMessage) => String(req.headers[CORRELATION_HEADER] ?? ''),
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.some((p) => requestPath(req).startsWith(p)) },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      transport: settings.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  };
}
