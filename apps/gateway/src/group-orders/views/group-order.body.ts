import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* OpenAPI schemas of the FoodRush (group orders) bodies. The cart answers them exactly
   (libs/contracts group-order.view.ts); these classes only document them. Money is integer
   cents (EUR), times "YYYY-MM-DD HH:mm:ss" in UTC. */

export class DeliveryAddressBody {
  @ApiPropertyOptional({ example: 'Allée des techniques avancées' }) street?: string;
  @ApiPropertyOptional({ example: 'Bâtiment A, chambre 200' }) details?: string;
  @ApiPropertyOptional({ example: 'Palaiseau' }) city?: string;
  @ApiPropertyOptional({ example: 91120, oneOf: [{ type: 'integer' }, { type: 'string' }] }) postcode?: number | string;
  @ApiPropertyOptional({ example: 'Essone' }) state?: string;
  @ApiPropertyOptional({ example: 'France' }) country?: string;
  @ApiProperty({ example: 48.711 }) latitude: number;
  @ApiProperty({ example: 2.21928 }) longitude: number;
}

export class RestaurantBody {
  @ApiProperty({ example: '6' }) id: string;
  @ApiProperty({ example: 'FoodRush Palaiseau' }) name: string;
  @ApiProperty({ example: 48.7137, nullable: true, type: Number }) latitude: number | null;
  @ApiProperty({ example: 2.2089, nullable: true, type: Number }) longitude: number | null;
}

export class GroupOrderBody {
  @ApiProperty({ example: '20' }) id: string;
  @ApiProperty({ example: false, description: 'Open and before closedAt' }) joinable: boolean;
  @ApiProperty({ example: 2966, description: "Sum of the members' raw prices, cents" }) totalRawPrice: number;
  @ApiProperty({ example: 28, description: 'Percent, from the total along the discount tiers' }) discountRate: number;
  @ApiProperty({ example: '2015-01-30 16:09:26' }) createdAt: string;
  @ApiProperty({ example: 5, description: "Items (product format quantities) the restaurant can still take in this group" }) remainingCapacity: number;
  @ApiProperty({ example: '2015-01-30 16:39:26', description: 'createdAt + the FoodRush duration: joinable until then' }) closedAt: string;
  @ApiProperty({ example: '2015-01-30 16:59:26', description: 'The restaurant must confirm by then, or the group is cancelled and refunded' }) endingAt: string;
  @ApiProperty({ example: true }) confirmed: boolean;
  @ApiProperty({ example: '2015-01-30 17:29:26', description: 'endingAt + the restaurant preparation time: the delivery round starts' }) preparedAt: string;
  @ApiPropertyOptional({ type: RestaurantBody, description: 'With include=restaurant' }) restaurant?: RestaurantBody;
}

export class FoodRushCustomerBody {
  @ApiPropertyOptional({ example: '5', description: 'Absent for an external order (no account)' }) id?: string;
  @ApiProperty({ example: 'Noa' }) firstName: string;
  @ApiProperty({ example: 'Levi' }) lastName: string;
  @ApiProperty({ example: '0605040302' }) phoneNumber: string;
}

export class OrderedProductFormatBody {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'Pizza Margherita (large)' }) name: string;
  @ApiProperty({ example: 810, description: 'Unit price, cents' }) price: number;
  @ApiProperty({ example: 2 }) quantity: number;
}

export class FoodRushOrderBody {
  @ApiProperty({ example: '8' }) id: string;
  @ApiProperty({ example: 4660, description: 'Sum of the ordered product formats, cents; never changes' }) rawPrice: number;
  @ApiProperty({ example: 3970, description: 'After the group discount, cents; decreases as people join' }) discountedPrice: number;
  @ApiProperty({ example: '2015-01-30 16:09:26' }) createdAt: string;
  @ApiPropertyOptional({ example: 'Ring twice' }) comment?: string;
  @ApiPropertyOptional({ type: FoodRushCustomerBody, description: 'With include=customer' }) customer?: FoodRushCustomerBody;
  @ApiPropertyOptional({ type: GroupOrderBody, description: 'With include=groupOrder' }) groupOrder?: GroupOrderBody;
  @ApiPropertyOptional({ type: DeliveryAddressBody, description: 'With include=deliveryAddress' }) deliveryAddress?: DeliveryAddressBody;
  @ApiPropertyOptional({ type: [OrderedProductFormatBody], description: 'With include=productFormats' }) productFormats?: OrderedProductFormatBody[];
  @ApiPropertyOptional({ type: RestaurantBody, description: 'With include=restaurant' }) restaurant?: RestaurantBody;
}

/** The family's error body (customer-app shape). */
export class FoodRushErrorBody {
  @ApiProperty({ example: 'groupOrderCannotBeJoined' }) errorKey: string;
  @ApiProperty({ example: 'The groupOrder #6 cannot be joined anymore.' }) message: string;
}
