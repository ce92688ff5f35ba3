import type { BrokerState } from '../../broker-state';
import type { KafkaReader } from '../reader';
import type { RequestHeader } from '../request-header';
import type { KafkaWriter } from '../writer';

/** Writes a response body (after the response header the connection writes). */
export type ResponseBody = (w: KafkaWriter) => void;

export interface RequestContext {
  header: RequestHeader;
  broker: BrokerState;
  clientHost: string;
  /** Registers cleanup for when the connection goes away (long polls). */
  onClose(cleanup: () => void): () => void;
}

export interface ApiHandler {
  key: number;
  name: string;
  minVersion: number;
  maxVersion: number;
  /** null means: send no response (Produce with acks=0). */
  handle(r: KafkaReader, ctx: RequestContext): ResponseBody | null | Promise<ResponseBody | null>;
}
