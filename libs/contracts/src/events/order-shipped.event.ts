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

  @IsShortText(100)
  trackingNumber: string;

  @IsISO8601()
  shippedAt: string;

  @IsOptional()
  @IsISO8601()
  estimatedDeliveryAt?: string;
}
