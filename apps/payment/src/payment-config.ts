import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class PaymentConfig extends DatabaseServiceConfig {
  /** Which adapter charges cards (see src/providers/README.md). */
  @IsIn(['sandbox', 'stripe'], { message: 'must be "sandbox" or "stripe"' })
  PAYMENT_PROVIDER = 'sandbox';

  @IsOptional()
  @IsString()
  STRIPE_API_KEY?: string;

  @IsOptional()
  @IsString()
  STRIPE_API_BASE?: string;

  @IsOptional()
  @IsString()
  STRIPE_TIMEOUT_MS?: string;

  /** How long payment.process-payment waits for an invoice it has not seen yet. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 0-60000' })
  @Min(0, { message: 'must be a whole number of milliseconds 0-60000' })
  @Max(60000, { message: 'must be a whole number of milliseconds 0-60000' })
  PAYMENT_INVOICE_WAIT_MS = 5000;
}
