import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@order-platform/service-kit';

export class GatewayConfig extends ServiceConfig {
  /** How long a command waits for the owning service's reply before answering 503. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 100-120000' })
  @Min(100, { message: 'must be a whole number of milliseconds 100-120000' })
  @Max(120000, { message: 'must be a whole number of milliseconds 100-120000' })
  COMMAND_TIMEOUT_MS = 10000;
}
