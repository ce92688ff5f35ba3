import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@order-platform/service-kit';

export const ORDER_READ_MODES = ['kafka', 'http'] as const;
export type OrderReadMode = (typeof ORDER_READ_MODES)[number];

export class GatewayConfig extends ServiceConfig {
  /** How long a command waits for the owning service's reply before answering 503. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 100-120000' })
  @Min(100, { message: 'must be a whole number of milliseconds 100-120000' })
  @Max(120000, { message: 'must be a whole number of milliseconds 100-120000' })
  COMMAND_TIMEOUT_MS = 10000;

  /** How the gateway reads orders (checkout status, customer-app order view): Kafka request-reply, or the owning service's internal HTTP read (docs/adr/0003). */
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(ORDER_READ_MODES, { message: `must be one of ${ORDER_READ_MODES.join(', ')}` })
  ORDER_READS: OrderReadMode = 'kafka';

  /** order-status's base URL for `ORDER_READS=http`, e.g. http://order-status:3106 (its own port, inside the cluster). */
  @ValidateIf((config: GatewayConfig) => config.ORDER_READS === 'http' || config.ORDER_STATUS_URL !== undefined)
  @IsNotEmpty({ message: 'is required when ORDER_READS=http (e.g. http://order-status:3106)' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s):// URL such as http://order-status:3106' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value))
  ORDER_STATUS_URL?: string;

  /** cart's base URL for `ORDER_READS=http` (the customer-app order view), e.g. http://cart:3101 (its own port, inside the cluster). */
  @ValidateIf((config: GatewayConfig) => config.ORDER_READS === 'http' || config.CART_URL !== undefined)
  @IsNotEmpty({ message: 'is required when ORDER_READS=http (e.g. http://cart:3101)' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s):// URL such as http://cart:3101' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value))
  CART_URL?: string;

  /** Signs the customer/restaurant app tokens. Required in production; elsewhere a random per-process secret is used when absent. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  JWT_ISSUER = 'order-platform';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds 60-86400' })
  @Min(60, { message: 'must be a whole number of seconds 60-86400' })
  @Max(86400, { message: 'must be a whole number of seconds 60-86400' })
  JWT_TTL_SECONDS = 3600;

  /** Refuse plain HTTP on the store API with 403 (judged by the TLS socket or X-Forwarded-Proto): on in production, off for local development. */
  @Transform(({ value }) => SWITCH[String(value).trim().toLowerCase()] ?? value)
  @IsBoolean({ message: 'must be on or off' })
  STORE_API_REQUIRE_HTTPS = false;

  /** SSE `: keep-alive` comment interval; proxies drop idle streams after 30-60 s. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 10-300000' })
  @Min(10, { message: 'must be a whole number of milliseconds 10-300000' })
  @Max(300_000, { message: 'must be a whole number of milliseconds 10-300000' })
  TRACKING_HEARTBEAT_MS = 15_000;

  /** The SSE `retry:` hint: how long an EventSource waits before reconnecting. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 0-600000' })
  @Min(0, { message: 'must be a whole number of milliseconds 0-600000' })
  @Max(600_000, { message: 'must be a whole number of milliseconds 0-600000' })
  TRACKING_RETRY_MS = 3_000;

  /** SSE frames a subscriber may have waiting for its socket before it is dropped as too slow. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number 1-10000' })
  @Min(1, { message: 'must be a whole number 1-10000' })
  @Max(10_000, { message: 'must be a whole number 1-10000' })
  TRACKING_MAX_BUFFERED_EVENTS = 256;
}

const SWITCH: Record<string, boolean> = { on: true, true: true, '1': true, yes: true, off: false, false: false, '0': false, no: false };
