/** What the carrier needs to take a parcel. */
export interface ShipmentBooking {
  orderId: string;
  /** Stable per order: a real carrier API deduplicates a retried booking on it. */
  idempotencyKey: string;
  recipientName: string;
  phone: string | null;
  address: string;
}

export interface CarrierLabel {
  carrier: string;
  trackingNumber: string;
  estimatedDeliveryAt?: string;
}

/** A carrier adapter. Throwing means "not booked": the caller retries with the same key. */
export interface Carrier {
  readonly name: string;
  book(booking: ShipmentBooking): Promise<CarrierLabel>;
}

export const CARRIER = Symbol('CARRIER');

export class CarrierUnavailableError extends Error {
  override readonly name = 'CarrierUnavailableError';
}
