import { ApiProperty } from '@nestjs/swagger';
import { WHOLESALE_ORDER_STATES } from '@order-platform/contracts';

export class WholesaleOrderLineView {
  @ApiProperty({ example: 'VFR8CW' }) product_code: string;
  @ApiProperty({ example: 'stock', enum: ['stock', 'nonstock'] }) type: string;
  @ApiProperty({ example: 10 }) quantity: number;
  @ApiProperty({ example: 'PROKNIGHT LED 8w IP65 FIRE RATED 4000K' }) description: string;
  @ApiProperty({ example: 'S' }) vat_code: string;
  @ApiProperty({ example: 0.2 }) vat_rate: number;
  @ApiProperty({ example: 23.45, description: 'Unit price before VAT, up to four decimals' }) unit_price: number;
  @ApiProperty({ example: 234.5, description: 'quantity x unit_price, rounded half-up to the penny' }) line_price: number;
  @ApiProperty({ example: 46.9, description: 'line_price x vat_rate, rounded half-up to the penny' }) vat: number;
  @ApiProperty({ example: 0.251, description: 'kg' }) unit_weight: number;
  @ApiProperty({ example: 2.51, description: 'kg' }) line_weight: number;
}

/** A wholesale order as the `/apis/customer/orders` family renders it (GBP, kg). */
export class WholesaleOrderView {
  @ApiProperty({ example: 2345 }) order_id: number;
  @ApiProperty({ example: 606750 }) order_number: number;
  @ApiProperty({ example: 'MLA-API #23456' }) customer_order_no: string;
  @ApiProperty({ example: 'OPEN', enum: WHOLESALE_ORDER_STATES }) order_state: string;
  @ApiProperty({ example: 'WHOLESALE' }) order_type: string;
  @ApiProperty({ example: 'DELIVER' }) delivery_method: string;
  @ApiProperty({ example: null, nullable: true, type: String }) delivery_name: string | null;
  @ApiProperty({ example: 'ML Accessories Limited', nullable: true, type: String }) delivery_company_name: string | null;
  @ApiProperty({ example: 'Unit 4 Foster Avenue', nullable: true, type: String }) delivery_address1: string | null;
  @ApiProperty({ example: 'Woodside Park', nullable: true, type: String }) delivery_address2: string | null;
  @ApiProperty({ example: 'Dunstable', nullable: true, type: String }) delivery_town: string | null;
  @ApiProperty({ example: 'Bedfordshire', nullable: true, type: String }) delivery_county: string | null;
  @ApiProperty({ example: 'GB', nullable: true, type: String }) delivery_country_code: string | null;
  @ApiProperty({ example: 'LU5 5TA', nullable: true, type: String }) delivery_postcode: string | null;
  @ApiProperty({ example: '01582 88 77 60', nullable: true, type: String }) delivery_telephone: string | null;
  @ApiProperty({ example: 'Deliver to office.', nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [WholesaleOrderLineView] }) products: WholesaleOrderLineView[];
  @ApiProperty({ example: false, description: 'Carriage cannot be priced yet (no carriage line added)' }) carriage_tba: boolean;
  @ApiProperty({ example: 50.47 }) total_vat: number;
  @ApiProperty({ example: 252.35, description: 'Sum of line prices before VAT, carriage included' }) total_price: number;
  @ApiProperty({ example: 3.01, description: 'kg' }) total_weight: number;
  @ApiProperty({ example: '2017-02-27 14:35:50+00' }) created_at: string;
  @ApiProperty({ example: 'John Doe' }) created_by: string;
  @ApiProperty({ example: null, nullable: true, type: String }) placed_by: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) deleted_by: string | null;
}
