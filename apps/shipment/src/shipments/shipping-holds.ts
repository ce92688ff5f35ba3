import type { ShippingHolds } from './shipment-store';

/**
 * The holds any source knows of: the invoiced destination and the payment each carry the
 * invoice's holds, and shipment may have handled either one first. A command-sourced
 * destination carries none, so it never lifts a hold the payment names.
 */
export function holdsOf(...sources: Array<ShippingHolds | undefined>): { deliveryRoundId: string | null; awaitsMerchantConfirmation: boolean } {
  return {
    deliveryRoundId: sources.find((source) => source?.deliveryRoundId)?.deliveryRoundId ?? null,
    awaitsMerchantConfirmation: sources.some((source) => source?.awaitsMerchantConfirmation === true),
  };
}
