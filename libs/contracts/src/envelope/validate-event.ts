import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EventType } from '../topics/topics';
import { eventDefinition, isEventType, TypedEvent } from '../registry/event-registry';
import { EventEnvelope } from './event-envelope';

export interface FieldError {
  /** Dotted path from the envelope root, e.g. `payload.items.0.quantity`. */
  path: string;
  message: string;
}

export type EventValidationResult<T extends EventType = EventType> =
  | { ok: true; event: TypedEvent<T> }
  | { ok: false; errors: FieldError[] };

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): FieldError[] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

function parseRaw(raw: unknown): { value?: unknown; error?: FieldError } {
  if (Buffer.isBuffer(raw)) raw = raw.toString('utf8');
  if (typeof raw !== 'string') return { value: raw };
  try {
    return { value: JSON.parse(raw) };
  } catch {
    return { error: { path: '', message: 'message value is not valid JSON' } };
  }
}

/**
 * Checks an incoming message against the envelope rules and the payload class registered for
 * its type. Accepts a parsed object, a JSON string or a Buffer. Unknown extra fields are kept
 * (tolerant reader), so producers can add optional fields without breaking consumers.
 */
export function validateEvent<T extends EventType = EventType>(raw: unknown, expectedType?: T): EventValidationResult<T> {
  const parsed = parseRaw(raw);
  if (parsed.error) return { ok: false, errors: [parsed.error] };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [{ path: '', message: 'event must be a JSON object' }] };
  }

  const envelope = plainToInstance(EventEnvelope, value);
  const errors = flatten(validateSync(envelope), '', []);
  if (errors.length) return { ok: false, errors };

  if (!isEventType(envelope.type)) {
    return { ok: false, errors: [{ path: 'type', message: `unknown event type '${envelope.type}'` }] };
  }
  if (expectedType && envelope.type !== expectedType) {
    return { ok: false, errors: [{ path: 'type', message: `expected '${expectedType}', got '${envelope.type}'` }] };
  }
  const definition = eventDefinition(envelope.type);
  if (!definition.acceptedVersions.includes(envelope.schemaVersion)) {
    return {
      ok: false,
      errors: [{ path: 'schemaVersion', message: `${envelope.type} v${envelope.schemaVersion} is not accepted (accepted: ${definition.acceptedVersions.join(', ')})` }],
    };
  }

  const payload = plainToInstance(definition.payload as new () => object, envelope.payload);
  const payloadErrors = flatten(validateSync(payload), 'payload', []);
  const payloadOrderId = (payload as { orderId?: unknown }).orderId;
  if (payloadOrderId !== undefined && payloadOrderId !== envelope.orderId) {
    payloadErrors.push({ path: 'payload.orderId', message: 'payload.orderId must equal the envelope orderId' });
  }
  if (payloadErrors.length) return { ok: false, errors: payloadErrors };

  envelope.payload = payload as Record<string, unknown>;
  return { ok: true, event: envelope as unknown as TypedEvent<T> };
}

/** Human-readable one-liner of validation errors, for logs and dead-letter headers. */
export function describeErrors(errors: FieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}
