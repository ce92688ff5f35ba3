import { IsISO8601, IsOptional } from 'class-validator';
import { IsIdentifier, IsShortText } from './shared/field-rules';

/** The customer received the order. */
export class OrderDeliveredPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  shipmentId: string;

  @IsISO8601()
  deliveredAt: string;

  @IsOptional()
  @IsShortText(200)
  receivedBy?: string;
}
