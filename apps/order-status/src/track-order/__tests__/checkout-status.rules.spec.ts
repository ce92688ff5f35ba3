import { deriveCheckoutStatus, type StepFacts } from '../checkout-status.rules';

const step = (name: string, details: Record<string, unknown> = {}): StepFacts => ({ step: name, details });

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('checkout status rules', () => {
  it('follows the happy path milestone by milestone', () => {
    const path = [step('CartUpdated'), step('InvoiceCreated'), step('PaymentProcessed'), step('OrderShipped'), step('OrderDelivered')];
    const statuses = path.map((_, index) => deriveCheckoutStatus(path.slice(0, index + 1)).status);
    expect(statuses).toEqual(['pending', 'invoiced', 'paid', 'shipped', 'delivered']);
  });

  it('gives the same status whatever order the events arrive in', () => {
    const steps = [step('CartUpdated'), step('InvoiceCreated'), step('PaymentProcessed'), step('EmailSent'), step('OrderShipped')];
    const results = new Set(permutations(steps).map((order) => deriveCheckoutStatus(order).status));
    expect([...results]).toEqual(['shipped']);
  });

  it('cancels on a declined payment, with its reason, whatever came before or after', () => {
    const declined = step('PaymentFailed', { reason: 'Your card was declined.', retryable: false });
    for (const order of permutations([step('CartUpdated'), step('InvoiceCreated'), declined, step('InvoiceVoided')])) {
      expect(deriveCheckoutStatus(order)).toEqual({ status: 'cancelled', cancellationReason: 'Your card was declined.' });
    }
  });

  it('keeps the order open after a retryable failure, and a later payment wins', () => {
    const failed = step('PaymentFailed', { reason: 'Try again later', retryable: true });
    expect(deriveCheckoutStatus([step('CartUpdated'), step('InvoiceCreated'), failed]).status).toBe('payment_failed');
    expect(deriveCheckoutStatus([step('PaymentProcessed'), failed, step('CartUpdated')]).status).toBe('paid');
  });

  it('ignores steps that do not move the order', () => {
    expect(deriveCheckoutStatus([step('CartUpdated'), step('EmailSent'), step('SomethingNew')])).toEqual({ status: 'pending' });
    expect(deriveCheckoutStatus([])).toEqual({ status: 'pending' });
  });
});
