import { type Carrier, type CarrierLabel, CarrierUnavailableError, type ShipmentBooking } from './carrier';
import { type CarrierFault, parseCarrierFault } from './carrier-fault';
import { newTrackingNumber } from './tracking-number';

const TRANSIT_DAYS = 3;

/**
 * The in-house carrier: books at once and issues 8-digit tracking numbers. Uniqueness is
 * enforced by the shipments table; the caller asks again on a collision.
 */
export class LocalCarrier implements Carrier {
  readonly name = 'local';
  private fault: CarrierFault;

  constructor(
    fault: CarrierFault | string = { kind: 'none' },
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.fault = typeof fault === 'string' ? parseCarrierFault(fault) : fault;
  }

  /** Switches the fault at runtime (tests, demos). */
  setFault(fault: CarrierFault | string): void {
    this.fault = typeof fault === 'string' ? parseCarrierFault(fault) : fault;
  }

  async book(booking: ShipmentBooking): Promise<CarrierLabel> {
    this.failIfFaulty(booking);
    const eta = new Date(this.clock().getTime() + TRANSIT_DAYS * 24 * 3600_000);
    return { carrier: this.name, trackingNumber: newTrackingNumber(), estimatedDeliveryAt: eta.toISOString() };
  }

  private failIfFaulty(booking: ShipmentBooking): void {
    if (this.fault.kind === 'none') return;
    if (this.fault.kind === 'fail-next') {
      if (this.fault.remaining <= 0) return;
      this.fault.remaining -= 1;
    }
    throw new CarrierUnavailableError(`carrier ${this.name} refused the booking for order ${booking.orderId} (fault switch ${this.describeFault()})`);
  }

  private describeFault(): string {
    return this.fault.kind === 'fail-next' ? `fail-next, ${this.fault.remaining} left` : this.fault.kind;
  }
}
