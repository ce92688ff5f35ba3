import { EventEnvelope } from '../envelope/event-envelope';
import { EventHeaders } from '../envelope/event-headers';
import { ALL_EVENT_TYPES, eventDefinition } from '../registry/event-registry';
import { dlqTopic } from '../topics/topics';
import { classToJsonSchema, JsonSchema } from './class-to-json-schema';

export interface AsyncApiOptions {
  /** Bootstrap servers to list, e.g. ['kafka:9092']. */
  servers?: string[];
  version?: string;
}

function envelopeSchema(type: string, schemaVersion: number, payloadRef: string): JsonSchema {
  const base = classToJsonSchema(EventEnvelope);
  const properties = base['properties'] as Record<string, JsonSchema>;
  return {
    ...base,
    title: `${type}Envelope`,
    properties: {
      ...properties,
      type: { type: 'string', const: type },
      schemaVersion: { type: 'integer', const: schemaVersion },
      payload: { $ref: payloadRef },
    },
  };
}

const headersSchema: JsonSchema = {
  type: 'object',
  properties: {
    [EventHeaders.correlationId]: { type: 'string', description: 'Traces one business flow across services.' },
    [EventHeaders.eventType]: { type: 'string', description: 'Same as the envelope type.' },
    [EventHeaders.schemaVersion]: { type: 'string', description: 'Envelope schemaVersion as a string.' },
    [EventHeaders.eventId]: { type: 'string', format: 'uuid', description: 'Envelope id.' },
  },
  required: [EventHeaders.correlationId, EventHeaders.eventType, EventHeaders.schemaVersion],
};

/**
 * The order-event catalogue as an AsyncAPI 3.0 document: one channel per topic, one message
 * per event, schemas derived from the contract classes, Kafka key = orderId.
 */
export function buildAsyncApiDocument(options: AsyncApiOptions = {}): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { EventHeaders: headersSchema };

  for (const type of ALL_EVENT_TYPES) {
    const definition = eventDefinition(type);
    const payloadName = `${type}Payload`;
    schemas[payloadName] = classToJsonSchema(definition.payload);
    schemas[`${type}Envelope`] = envelopeSchema(type, definition.schemaVersion, `#/components/schemas/${payloadName}`);
    messages[type] = {
      name: type,
      title: type,
      summary: definition.summary,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/EventHeaders' },
      payload: { $ref: `#/components/schemas/${type}Envelope` },
      bindings: {
        kafka: { key: { type: 'string', description: 'orderId: keeps one order on one partition' }, bindingVersion: '0.5.0' },
      },
      'x-schema-version': definition.schemaVersion,
      'x-producer': definition.producer,
    };
    channels[type] = {
      address: type,
      description: `${definition.summary} Dead letters go to ${dlqTopic(type)}.`,
      messages: { [type]: { $ref: `#/components/messages/${type}` } },
      bindings: { kafka: { topic: type, bindingVersion: '0.5.0' } },
    };
    operations[`publish${type}`] = {
      action: 'send',
      summary: `${definition.producer} publishes ${type}`,
      channel: { $ref: `#/channels/${type}` },
      messages: [{ $ref: `#/channels/${type}/messages/${type}` }],
    };
  }

  const servers: Record<string, unknown> = {};
  (options.servers ?? ['localhost:9092']).forEach((host, index) => {
    servers[index === 0 ? 'kafka' : `kafka${index + 1}`] = { host, protocol: 'kafka', description: 'Kafka bootstrap server' };
  });

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Order platform events',
      version: options.version ?? '1.0.0',
      description: 'Events of the order lifecycle. Every message is an envelope keyed by orderId.',
    },
    defaultContentType: 'application/json',
    servers,
    channels,
    operations,
    components: { messages, schemas },
  };
}
