import { type IssueInvoiceRequest, type IssueInvoiceResponse, parseMinor } from '@order-platform/contracts';
import { decimalAmount } from '../shared/checkout-format';
import type { IssueInvoiceDto } from './issue-invoice.dto';
import type { InvoiceView } from './invoice.view';

/** Command field names -> this API's names, for error details. */
export const INVOICE_FIELD_ALIASES: Readonly<Record<string, string>> = {
  subtotalMinor: 'subTotalAmount',
  taxMinor: 'tax',
  totalMinor: 'totalAmount',
  unitPriceMinor: 'price',
  shippingAddress: 'shipping_address',
};

export function toIssueInvoiceCommand(dto: IssueInvoiceDto): IssueInvoiceRequest {
  const minor = (amount: number) => parseMinor(amount, dto.currency);
  const command: IssueInvoiceRequest = {
    orderId: dto.orderId,
    customerId: dto.customerId,
    currency: dto.currency,
    subtotalMinor: minor(dto.subTotalAmount),
    taxMinor: minor(dto.tax),
    totalMinor: minor(dto.totalAmount),
    items: dto.items.map((item) => ({ productId: item.productId, quantity: item.quantity, unitPriceMinor: minor(item.price) })),
    name: dto.name,
    phone: dto.phone,
    shippingAddress: dto.shipping_address,
  };
  if (dto.email) command.email = dto.email;
  return command;
}

export function toInvoiceView(invoice: IssueInvoiceResponse): InvoiceView {
  return {
    invoiceId: invoice.invoiceId,
    orderId: invoice.orderId,
    customerId: invoice.customerId,
    totalAmount: decimalAmount(invoice.totalMinor, invoice.currency),
  };
}
