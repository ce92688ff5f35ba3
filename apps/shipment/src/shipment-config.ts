import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { DatabaseServiceConfig } from '@order-platform/service-kit';
import { CARRIER_FAULT_PATTERN } from './carrier/carrier-fault';

export class ShipmentConfig extends DatabaseServiceConfig {
  /** Fault switch of the local carrier: none, fail-always or fail-<n> (tests and demos). */
  @Matches(CARRIER_FAULT_PATTERN, { message: 'must be none, fail-always or fail-<n>' })
  CARRIER_FAULT = 'none';

  /** How long create-shipment waits for PaymentProcessed of a just-paid order before CONFLICT. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 0-30000' })
  @Min(0, { message: 'must be a whole number of milliseconds 0-30000' })
  @Max(30_000, { message: 'must be a whole number of milliseconds 0-30000' })
  SHIPMENT_PAYMENT_WAIT_MS = 3000;
}
