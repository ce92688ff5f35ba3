import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeliveryAddressBody } from './group-order.body';

/* Request bodies, for the OpenAPI document only: the gateway passes them to the cart untouched
   and the cart validates them with the API's own error keys and messages. */

const PRODUCT_FORMATS = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 1 },
  example: { '1': 2, '2': 3 },
  description: 'Product format id -> quantity; all formats of one restaurant',
} as const;

export class JoinGroupOrderRequestBody {
  @ApiProperty(PRODUCT_FORMATS) productFormats: Record<string, number>;
  @ApiProperty({ type: DeliveryAddressBody, example: { street: 'Allée des techniques avancées', details: 'Bâtiment A, chambre 200', latitude: 48.711042, longitude: 2.219278 } })
  deliveryAddress: DeliveryAddressBody;
  @ApiPropertyOptional({ maxLength: 1000, example: 'Ring twice' }) comment?: string;
}

export class CreateFoodRushOrderRequestBody extends JoinGroupOrderRequestBody {
  @ApiProperty({ example: 30, minimum: 5, maximum: 60, description: 'How long others can join (GROUP_ORDER_MIN/MAX_FOODRUSH_MINUTES). Its presence makes POST /orders a group order.' })
  foodRushDurationInMinutes: number;
}

export class ExternalCustomerBody {
  @ApiProperty({ example: 'Jean' }) firstName: string;
  @ApiProperty({ example: 'Michel' }) lastName: string;
  @ApiProperty({ example: '0605040302' }) phoneNumber: string;
}

export class ExternalOrderRequestBody extends JoinGroupOrderRequestBody {
  @ApiProperty({ type: ExternalCustomerBody, description: 'The customer who ordered through the restaurant (no account)' }) customer: ExternalCustomerBody;
}
