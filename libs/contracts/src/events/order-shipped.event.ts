import { IsISO8601, IsOptional } from 'class-validator';
import { IsIdentifier, IsShortText } from './shared/field-rules';

/** The order left the merchant (courier pick-up or parcel hand-over). */
export class OrderShippedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  shipmentId: string;

  @IsShortText(100)
  carrier: string;

  /** The carrier's tracking number; the local carrier issues 8 digits such as '12345678'. */
  @IsShortText(100)
  trackingNumber: string;

  @IsISO8601()
  shippedAt: string;

  @IsOptional()
  @IsISO8601()
  estimatedDeliveryAt?: string;

  /** Where the parcel goes, on one line. Optional only so events written before it stay valid. */
  @IsOptional()
  @IsShortText(500)
  shippingAddress?: string;

  @IsOptional()
  @IsShortText(200)
  recipientName?: string;

  @IsOptional()
  @IsShortText(50)
  recipientPhone?: string;
}
