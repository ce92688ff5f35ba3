import { parseCarrierFault } from '../carrier-fault';
import { LocalCarrier } from '../local-carrier';
import { isValidTrackingNumber, luhnCheckDigit, newTrackingNumber } from '../tracking-number';

const booking = { orderId: '456', idempotencyKey: 'ship:456', recipientName: 'Lital Hay', phone: null, address: '17 boulevard' };

describe('tracking numbers', () => {
  it('are 8 digits without a leading zero and end in a Luhn check digit', () => {
    for (let i = 0; i < 200; i++) {
      const number = newTrackingNumber();
      expect(number).toMatch(/^[1-9]\d{7}$/);
      expect(isValidTrackingNumber(number)).toBe(true);
    }
    expect(newTrackingNumber(() => 1_000_000)).toBe(`1000000${luhnCheckDigit('1000000')}`);
  });

  it('reject a mistyped digit', () => {
    const number = newTrackingNumber(() => 7_992_739);
    expect(number).toBe('79927398');
    expect(isValidTrackingNumber('79927397')).toBe(false);
  });
});

describe('LocalCarrier', () => {
  it('books with an 8-digit tracking number', async () => {
    const label = await new LocalCarrier().book(booking);
    expect(label.carrier).toBe('local');
    expect(isValidTrackingNumber(label.trackingNumber)).toBe(true);
  });

  it('fails the next n bookings with fail-<n>, then recovers', async () => {
    const carrier = new LocalCarrier('fail-2');
    await expect(carrier.book(booking)).rejects.toThrow(/refused the booking for order 456/);
    await expect(carrier.book(booking)).rejects.toThrow();
    await expect(carrier.book(booking)).resolves.toMatchObject({ carrier: 'local' });
  });

  it('fails every booking with fail-always until switched off', async () => {
    const carrier = new LocalCarrier('fail-always');
    await expect(carrier.book(booking)).rejects.toThrow(/fail-always/);
    await expect(carrier.book(booking)).rejects.toThrow();
    carrier.setFault('none');
    await expect(carrier.book(booking)).resolves.toBeDefined();
  });

  it('rejects an unknown fault setting', () => {
    expect(() => parseCarrierFault('sometimes')).toThrow(/CARRIER_FAULT/);
    expect(parseCarrierFault(undefined)).toEqual({ kind: 'none' });
  });
});
