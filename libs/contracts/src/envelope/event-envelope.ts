import { IsInt, IsISO8601, IsNotEmpty, IsObject, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { EventType } from '../topics/topics';

/**
 * The envelope every event travels in. Kafka key = orderId, so one order's events stay on one
 * partition and in order. Consumers deduplicate on `id`.
 */
export class EventEnvelope<TPayload extends object = Record<string, unknown>, TType extends string = EventType> {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type: TType;

  @IsInt()
  @Min(1)
  @Max(1000)
  schemaVersion: number;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  correlationId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  orderId: string;

  @IsObject()
  payload: TPayload;
}
