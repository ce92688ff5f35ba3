import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
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

  /** How often charges left `attempting` are looked for and settled (reconcile-charges/); 0 turns the sweep off. */
  @Type(() => Number)
  @ValidateIf((config: PaymentConfig) => config.PAYMENT_RECONCILE_INTERVAL_MS !== 0)
  @IsInt({ message: 'must be 0 (off) or a whole number of milliseconds 100-3600000' })
  @Min(100, { message: 'must be 0 (off) or a whole number of milliseconds 100-3600000' })
  @Max(3_600_000, { message: 'must be 0 (off) or a whole number of milliseconds 100-3600000' })
  PAYMENT_RECONCILE_INTERVAL_MS = 30_000;

  /**
   * How long a charge stays `attempting` before the sweep takes it over: longer than the
   * InvoiceCreated handler's own retries, so the sweep only picks up what they gave up on.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 1000-604800000' })
  @Min(1000, { message: 'must be a whole number of milliseconds 1000-604800000' })
  @Max(604_800_000, { message: 'must be a whole number of milliseconds 1000-604800000' })
  PAYMENT_RECONCILE_AFTER_MS = 120_000;

  /** Longest wait before the sweep retries a charge it failed to settle (the wait doubles from one interval, at least 1 s). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 1000-86400000' })
  @Min(1000, { message: 'must be a whole number of milliseconds 1000-86400000' })
  @Max(86_400_000, { message: 'must be a whole number of milliseconds 1000-86400000' })
  PAYMENT_RECONCILE_MAX_BACKOFF_MS = 600_000;
}
