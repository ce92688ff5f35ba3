import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIdentifier, IsShortText } from '../../events/shared/field-rules';

/**
 * Gateway -> shipment (topic `shipment.create-shipment`): the order's shipment, created now when
 * the order is paid and has none yet. Unpaid -> CONFLICT.
 */
export class CreateShipmentRequest {
  @IsIdentifier()
  orderId: string;

  @IsShortText(200)
  name: string;

  @IsShortText(50)
  phone: string;

  /** One line, e.g. '17 boulevard, 123 apt 6 Brooklyn NY'. */
  @IsShortText(500)
  shippingAddress: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

export const SHIPMENT_STATUSES = ['shipped', 'delivered'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export class CreateShipmentResponse {
  /** 8 digits, as a number (the public API prints `{"tracking_number": 12345678}`). */
  @IsInt()
  @Min(10_000_000)
  @Max(99_999_999)
  trackingNumber: number;

  @IsIdentifier()
  orderId: string;

  @IsIn(SHIPMENT_STATUSES)
  status: ShipmentStatus;

  @IsShortText(100)
  carrier: string;

  /** True when this call created the shipment, false when it already existed. */
  created: boolean;
}
