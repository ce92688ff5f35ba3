import { ApiProperty } from '@nestjs/swagger';

export class InvoiceView {
  @ApiProperty({ example: '789' })
  invoiceId: string;

  @ApiProperty({ example: '456' })
  orderId: string;

  @ApiProperty({ example: '8080' })
  customerId: string;

  @ApiProperty({ example: 200.0 })
  totalAmount: number;
}
