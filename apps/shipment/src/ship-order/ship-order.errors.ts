/** PaymentProcessed arrived before the order's address (InvoiceCreated): worth a retry. */
export class DestinationUnknownError extends Error {
  override readonly name = 'DestinationUnknownError';
  constructor(readonly orderId: string) {
    super(`no shipping address known yet for order ${orderId}`);
  }
}
