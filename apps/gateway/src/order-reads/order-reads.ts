import type { GetOrderResponse } from '@order-platform/contracts';

/**
 * The gateway's read of an order's checkout status and timeline, whichever way it reaches
 * order-status (ORDER_READS, docs/adr/0003). Both ways fail alike: CommandFailedError for
 * the service's own refusals (NOT_FOUND, VALIDATION_FAILED), CommandUnavailableError (503)
 * when it cannot be reached or does not answer within COMMAND_TIMEOUT_MS.
 */
export abstract class OrderReads {
  abstract getOrder(orderId: string): Promise<GetOrderResponse>;
}
