/** Turns services' pino JSON lines into one readable line each, behind a `[service]` prefix. */

export interface LogFormatOptions {
  colors: boolean;
  /** Print the JSON line untouched (LAUNCHER_RAW_LOGS=1). */
  raw?: boolean;
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLORS: Record<string, number> = { TRACE: 90, DEBUG: 90, INFO: 32, WARN: 33, ERROR: 31, FATAL: 35 };
const PREFIX_COLORS = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94];
// Shown first and in this order; the prefix already names the service and pid/hostname add nothing locally.
const KEY_FIELDS = ['correlationId', 'orderId', 'eventType', 'type', 'topic', 'eventId'];
const HIDDEN_FIELDS = new Set(['level', 'time', 'msg', 'message', 'pid', 'hostname', 'service', 'v', 'context', 'req', 'res', 'err', 'error', 'responseTime', ...KEY_FIELDS]);
const MAX_VALUE_LENGTH = 120;

export function paint(text: string, code: number, colors: boolean): string {
  return colors ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** A stable colour per service name, so `[cart]` always looks the same. */
export function servicePrefix(name: string, colors: boolean, width = 0): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return paint(`[${name}]`.padEnd(width + 2), PREFIX_COLORS[hash % PREFIX_COLORS.length], colors);
}

export function formatLogLine(line: string, options: LogFormatOptions): string {
  if (options.raw) return line;
  const entry = parseJsonObject(line);
  if (!entry) return line;

  const level = levelName(entry.level);
  const parts: string[] = [formatTime(entry.time), paint(level.padEnd(5), LEVEL_COLORS[level] ?? 37, options.colors)];
  if (typeof entry.context === 'string') parts.push(paint(`(${entry.context})`, 90, options.colors));
  const message = entry.msg ?? entry.message;
  if (message !== undefined) parts.push(typeof message === 'string' ? message : JSON.stringify(message));

  const req = asObject(entry.req);
  const res = asObject(entry.res);
  if (req?.method || req?.url) parts.push(`${String(req.method ?? '')} ${String(req.url ?? '')}`.trim());
  if (res?.statusCode !== undefined) parts.push(`-> ${String(res.statusCode)}`);
  if (typeof entry.responseTime === 'number') parts.push(`${entry.responseTime}ms`);

  const fields: string[] = [];
  for (const key of KEY_FIELDS) if (entry[key] !== undefined) fields.push(field(key, entry[key]));
  for (const [key, value] of Object.entries(entry)) {
    if (!HIDDEN_FIELDS.has(key) && value !== null && typeof value !== 'object') fields.push(field(key, value));
  }
  const error = asObject(entry.err) ?? asObject(entry.error);
  if (error) fields.push(field('err', error.message ?? error.type ?? JSON.stringify(error)));
  if (fields.length) parts.push(paint(fields.join(' '), 90, options.colors));
  return parts.join(' ');
}

function parseJsonObject(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    return asObject(parsed);
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function levelName(level: unknown): string {
  if (typeof level === 'number') return LEVELS[level] ?? `L${level}`;
  if (typeof level === 'string') return level.toUpperCase();
  return 'INFO';
}

function formatTime(time: unknown): string {
  const date = typeof time === 'number' || typeof time === 'string' ? new Date(time) : new Date();
  const valid = Number.isNaN(date.getTime()) ? new Date() : date;
  return valid.toISOString().slice(11, 23);
}

function field(key: string, value: unknown): string {
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length > MAX_VALUE_LENGTH) text = `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`;
  return /[\s"=]/.test(text) ? `${key}=${JSON.stringify(text)}` : `${key}=${text}`;
}
