import { ApiProperty } from '@nestjs/swagger';

export class StoreOrderUserView {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: 'user' }) name: string;
  @ApiProperty({ example: '+628111111111' }) phone: string;
}

/** The store API's order. Amounts are in the store's currency units. */
export class StoreOrderBody {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: 'FR9TL74P' }) number: string;
  @ApiProperty({ example: 36364.0, description: 'Before tax, service charge, delivery fee, discount and promotion' }) total: number;
  @ApiProperty({ example: 3636.0 }) tax: number;
  @ApiProperty({ example: 0.0 }) serviceCharge: number;
  @ApiProperty({ example: 40000.0, description: 'After all of them' }) grandTotal: number;
  @ApiProperty({ example: 'A1', nullable: true, type: String }) tableNumber: string | null;
  @ApiProperty({ example: 2, description: '1 Mobile App, 2 POS, 3 Kiosk, 4 Web' }) channel: number;
  @ApiProperty({ example: 'No lettuce', nullable: true, type: String }) notes: string | null;
  @ApiProperty({ example: 10, description: '1 New, 10 Confirmed, 20 Complete, 30 Cancelled' }) status: number;
  @ApiProperty({ example: 10, description: '10 pending, 20 shipped, 30 delivered' }) deliveryStatus: number;
  @ApiProperty({ example: 'Confirmed' }) statusText: string;
  @ApiProperty({ example: 'Burger God' }) storeName: string;
  @ApiProperty({ example: 1, nullable: true, type: Number }) userID: number | null;
  @ApiProperty({ example: 1564045835, description: 'UNIX seconds' }) created: number;
  @ApiProperty({ example: 1, nullable: true, type: Number }) paymentMethod: number | null;
  @ApiProperty({ example: 1, description: '1 unpaid, 2 paid, 3 refunded' }) paymentStatus: number;
  @ApiProperty({ type: StoreOrderUserView, nullable: true }) user: StoreOrderUserView | null;
  @ApiProperty({ nullable: true, type: Object, example: null }) delivery_info: Record<string, unknown> | null;
}

export class StoreErrorBody {
  @ApiProperty({ example: 'Order not found' }) error_message: string;
  @ApiProperty({ example: 'invalid_order_number' }) error_code: string;
  @ApiProperty({ example: { number: 'Order not found' } }) errors: Record<string, string>;
}

export class StoreDetailBody {
  @ApiProperty({ example: 'Invalid token' }) detail: string;
}
