import { Type } from 'class-transformer';
import { ArrayMinSize, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';
import { PostalAddress } from './shared/postal-address';
import { PAYMENT_TERMS, type PaymentTerms } from './cart-updated.event';

export class InvoiceLine {
  @IsShortText(200)
  description: string;

  @IsOptional()
  @IsIdentifier()
  productId?: string;

  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;

  @IsMinorAmount()
  unitPriceMinor: number;

  @IsMinorAmount()
  taxMinor: number;

  @IsMinorAmount()
  totalMinor: number;
}

/** Billing issued an invoice for an order. */
export class InvoiceCreatedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  invoiceId: string;

  /** Human-facing, gap-free number such as 2026-000123. */
  @IsShortText(50)
  invoiceNumber: string;

  @IsIdentifier()
  customerId: string;

  @IsCurrency()
  currency: string;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLine)
  lines: InvoiceLine[];

  @IsMinorAmount()
  subtotalMinor: number;

  @IsMinorAmount()
  taxMinor: number;

  @IsMinorAmount()
  totalMinor: number;

  @IsISO8601()
  issuedAt: string;

  @IsOptional()
  @IsISO8601()
  dueAt?: string;

  // Customer contact and destination, so payment, shipment and email need no other source.
  @IsOptional()
  @IsShortText(200)
  customerName?: string;

  @IsOptional()
  @IsEmail()
  customerEmail?: string;

  @IsOptional()
  @IsShortText(50)
  customerPhone?: string;

  /** The shipping address as one line, as the checkout API and the cart snapshot give it. */
  @IsOptional()
  @IsShortText(500)
  shippingAddress?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddress)
  deliveryAddress?: PostalAddress;

  /** Absent = 'card'. */
  @IsOptional()
  @IsIn(PAYMENT_TERMS)
  paymentTerms?: PaymentTerms;

  /** Copied from CartUpdated: the group delivery round the order ships with. */
  @IsOptional()
  @IsIdentifier()
  deliveryRoundId?: string;

  /** Copied from CartUpdated: shipment holds the order until the merchant confirms it (OrderConfirmed). */
  @IsOptional()
  @IsBoolean()
  awaitsMerchantConfirmation?: boolean;
}
