import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@order-platform/service-kit';

export class GatewayConfig extends ServiceConfig {
  /** How long a command waits for the owning service's reply before answering 503. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 100-120000' })
  @Min(100, { message: 'must be a whole number of milliseconds 100-120000' })
  @Max(120000, { message: 'must be a whole number of milliseconds 100-120000' })
  COMMAND_TIMEOUT_MS = 10000;

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
}
