import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from '../../events/shared/field-rules';

export class IssueInvoiceItem {
  @IsIdentifier()
  productId: string;

  @IsOptional()
  @IsShortText(200)
  name?: string;

  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;

  /** Unit price, tax included, in minor units. */
  @IsMinorAmount()
  unitPriceMinor: number;
}

/**
 * Gateway -> billing (`billing.issue-invoice`): the order's invoice. Creates it from this
 * request when CartUpdated has not arrived yet; both paths converge on one invoice per order.
 */
export class IssueInvoiceRequest {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  customerId: string;

  @IsCurrency()
  currency: string;

  @IsMinorAmount()
  subtotalMinor: number;

  @IsMinorAmount()
  taxMinor: number;

  @IsMinorAmount()
  totalMinor: number;

  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => IssueInvoiceItem)
  items: IssueInvoiceItem[];

  @IsShortText(200)
  name: string;

  @IsShortText(50)
  phone: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  /** One line, e.g. "17 boulevard, 123 apt 6 Brooklyn NY". */
  @IsShortText(500)
  shippingAddress: string;
}

export class IssueInvoiceResponse {
  @IsIdentifier()
  invoiceId: string;

  @IsShortText(50)
  invoiceNumber: string;

  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  customerId: string;

  @IsMinorAmount()
  totalMinor: number;

  @IsCurrency()
  currency: string;

  /** True when this command created the invoice, false when it already existed. */
  @IsBoolean()
  created: boolean;
}
