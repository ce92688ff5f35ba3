import type { CustomerAppOrderView, GetOrderResponse } from '@order-platform/contracts';

/**
 * The gateway's reads of an order, whichever way they reach the service that owns the view
 * (ORDER_READS, docs/adr/0003): the checkout status and timeline from order-status, the
 * customer-app order (the draft and its steps) from cart. Both ways fail alike:
 * CommandFailedError for the service's own refusals (NOT_FOUND, VALIDATION_FAILED),
 * CommandUnavailableError (503) when it cannot be reached or does not answer within
 * COMMAND_TIMEOUT_MS.
 */
export abstract class OrderReads {
  abstract getOrder(orderId: string): Promise<GetOrderResponse>;

  abstract getCustomerAppOrder(orderId: string): Promise<CustomerAppOrderView>;
}
