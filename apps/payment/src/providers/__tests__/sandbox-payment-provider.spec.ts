import { PaymentRequestError, TransientPaymentError } from '../payment-errors';
import type { ChargeRequest } from '../payment-provider';
import { SandboxPaymentProvider } from '../sandbox/sandbox-payment-provider';

const NOW = new Date('2026-06-15T12:00:00Z');

function setup() {
  const sandbox = new SandboxPaymentProvider({ now: () => NOW });
  const tokenFor = async (number: string, extra: Partial<{ expMonth: number; expYear: number }> = {}) =>
    (await sandbox.tokenizeCard({ number, expMonth: 12, expYear: 2030, holderName: 'Ada Lovelace', ...extra })).token;
  const chargeRequest = (token: string, overrides: Partial<ChargeRequest> = {}): ChargeRequest => ({
    idempotencyKey: `pay-${Math.random()}`,
    amountMinor: 12345,
    currency: 'EUR',
    customerId: 'cust-1',
    paymentMethod: { type: 'token', token },
    description: 'Order o-1',
    metadata: { orderId: 'o-1' },
    ...overrides,
  });
  return { sandbox, tokenFor, chargeRequest };
}

describe('SandboxPaymentProvider', () => {
  describe('test cards', () => {
    it('charges 4242 4242 4242 4242 and returns only masked card data', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const result = await sandbox.charge(chargeRequest(await tokenFor('4242 4242 4242 4242')));

      expect(result).toEqual({
        status: 'succeeded',
        providerChargeId: expect.stringMatching(/^ch_sandbox_/),
        amountMinor: 12345,
        currency: 'EUR',
        card: { brand: 'visa', first6: '424242', last4: '4242', expMonth: 12, expYear: 2030, holderName: 'Ada Lovelace' },
      });
      expect(await sandbox.listCharges()).toHaveLength(1);
      expect(JSON.stringify({ result, charges: await sandbox.listCharges() })).not.toContain('4242424242424242');
    });

    it.each([
      ['4000 0000 0000 0002', 'card_declined'],
      ['4000 0000 0000 9995', 'insufficient_funds'],
      ['4000 0000 0000 0069', 'expired_card'],
      ['4000 0000 0000 0127', 'incorrect_cvc'],
      ['4000 0000 0000 9987', 'lost_card'],
      ['4000 0000 0000 9979', 'stolen_card'],
      // Luhn-valid but not a test card: a real card is never charged by the sandbox.
      ['4111 1111 1111 1111', 'card_declined'],
    ])('declines %s with %s and charges nothing', async (number, reason) => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const result = await sandbox.charge(chargeRequest(await tokenFor(number)));

      expect(result).toMatchObject({ status: 'declined', reason });
      expect(result.status === 'declined' && result.message.length).toBeGreaterThan(0);
      expect(await sandbox.listCharges()).toEqual([]);
    });

    it('rejects a Luhn-invalid number at tokenization', async () => {
      const { sandbox } = setup();
      await expect(sandbox.tokenizeCard({ number: '4242 4242 4242 4241', expMonth: 1, expYear: 2030 })).rejects.toMatchObject({
        name: 'PaymentRequestError',
        code: 'incorrect_number',
      });
    });

    it('declines a test card whose expiry date has passed', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const result = await sandbox.charge(chargeRequest(await tokenFor('4242424242424242', { expMonth: 5, expYear: 2026 })));
      expect(result).toMatchObject({ status: 'declined', reason: 'expired_card' });
    });

    it('accepts a card expiring in the current month', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const result = await sandbox.charge(chargeRequest(await tokenFor('4242424242424242', { expMonth: 6, expYear: 2026 })));
      expect(result.status).toBe('succeeded');
    });

    it("understands Stripe's ready-made test PaymentMethods", async () => {
      const { sandbox, chargeRequest } = setup();
      await expect(sandbox.charge(chargeRequest('pm_card_visa'))).resolves.toMatchObject({
        status: 'succeeded',
        card: { brand: 'visa', last4: '4242' },
      });
      await expect(sandbox.charge(chargeRequest('pm_card_chargeDeclinedInsufficientFunds'))).resolves.toMatchObject({
        status: 'declined',
        reason: 'insufficient_funds',
      });
    });

    it('declines an unknown token as invalid_payment_method', async () => {
      const { sandbox, chargeRequest } = setup();
      await expect(sandbox.charge(chargeRequest('tok_sandbox_nope'))).resolves.toMatchObject({
        status: 'declined',
        reason: 'invalid_payment_method',
      });
    });
  });

  describe('cards on file', () => {
    it('charges a saved card for its owner only', async () => {
      const { sandbox, chargeRequest } = setup();
      const { reference, card } = await sandbox.saveCardOnFile('cust-1', { number: '5555555555554444', expMonth: 3, expYear: 2029 });
      expect(card).toMatchObject({ brand: 'mastercard', first6: '555555', last4: '4444' });

      const own = await sandbox.charge(chargeRequest('', { paymentMethod: { type: 'card_on_file', reference } }));
      const other = await sandbox.charge(
        chargeRequest('', { customerId: 'cust-2', paymentMethod: { type: 'card_on_file', reference } }),
      );
      const asToken = await sandbox.charge(chargeRequest(reference));

      expect(own).toMatchObject({ status: 'succeeded', card: { last4: '4444' } });
      expect(other).toMatchObject({ status: 'declined', reason: 'invalid_payment_method' });
      expect(asToken).toMatchObject({ status: 'declined', reason: 'invalid_payment_method' });
      expect(await sandbox.listCharges()).toHaveLength(1);
    });
  });

  describe('idempotency', () => {
    it('returns the first result for a repeated key and charges once', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const request = chargeRequest(await tokenFor('4242424242424242'), { idempotencyKey: 'order-o-1-attempt-1' });

      const first = await sandbox.charge(request);
      const second = await sandbox.charge({ ...request });

      expect(second).toEqual(first);
      expect(await sandbox.listCharges()).toHaveLength(1);
    });

    it('charges once for the same key sent twice at the same moment', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const request = chargeRequest(await tokenFor('4242424242424242'), { idempotencyKey: 'k-concurrent' });

      const [first, second] = await Promise.all([sandbox.charge(request), sandbox.charge({ ...request })]);

      expect(second).toEqual(first);
      expect(await sandbox.listCharges()).toHaveLength(1);
    });

    it('replays a decline for a repeated key', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const request = chargeRequest(await tokenFor('4000000000009995'), { idempotencyKey: 'k-decline' });
      expect(await sandbox.charge(request)).toEqual(await sandbox.charge(request));
    });

    it('refuses a key reused with a different amount', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const request = chargeRequest(await tokenFor('4242424242424242'), { idempotencyKey: 'k-reused' });
      await sandbox.charge(request);

      await expect(sandbox.charge({ ...request, amountMinor: 999 })).rejects.toMatchObject({
        name: 'PaymentRequestError',
        code: 'idempotency_key_reused',
      });
      expect(await sandbox.listCharges()).toHaveLength(1);
    });

    it('charges again under a new key', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const token = await tokenFor('4242424242424242');
      await sandbox.charge(chargeRequest(token, { idempotencyKey: 'a' }));
      await sandbox.charge(chargeRequest(token, { idempotencyKey: 'b' }));
      expect(await sandbox.listCharges()).toHaveLength(2);
    });
  });

  describe('transient failures', () => {
    it('fails 4000 0000 0000 0119 with a TransientPaymentError every time, charging nothing', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      const request = chargeRequest(await tokenFor('4000000000000119'), { idempotencyKey: 'k-processing' });

      await expect(sandbox.charge(request)).rejects.toBeInstanceOf(TransientPaymentError);
      await expect(sandbox.charge(request)).rejects.toMatchObject({ code: 'processing_error' });
      expect(await sandbox.listCharges()).toEqual([]);
    });

    it('after a lost response, the retry with the same key returns the recorded charge', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'charge' });
      const request = chargeRequest(await tokenFor('4242424242424242'), { idempotencyKey: 'k-timeout' });

      await expect(sandbox.charge(request)).rejects.toMatchObject({ name: 'TransientPaymentError', code: 'timeout' });
      const retried = await sandbox.charge(request);

      expect(retried.status).toBe('succeeded');
      expect(await sandbox.listCharges()).toHaveLength(1);
      expect(retried.status === 'succeeded' && retried.providerChargeId).toBe((await sandbox.listCharges())[0].providerChargeId);
    });

    it('a time-out before the provider saw the request leaves nothing behind', async () => {
      const { sandbox, tokenFor, chargeRequest } = setup();
      sandbox.injectTransientFaults({ times: 2, phase: 'before' });
      const request = chargeRequest(await tokenFor('4242424242424242'), { idempotencyKey: 'k-before' });

      await expect(sandbox.charge(request)).rejects.toBeInstanceOf(TransientPaymentError);
      expect(await sandbox.listCharges()).toEqual([]);
      await expect(sandbox.charge(request)).rejects.toBeInstanceOf(TransientPaymentError);
      await expect(sandbox.charge(request)).resolves.toMatchObject({ status: 'succeeded' });
      expect(await sandbox.listCharges()).toHaveLength(1);
    });
  });

  describe('refunds', () => {
    async function charged(amountMinor = 10000) {
      const ctx = setup();
      const result = await ctx.sandbox.charge(ctx.chargeRequest(await ctx.tokenFor('4242424242424242'), { amountMinor }));
      if (result.status !== 'succeeded') throw new Error('setup charge failed');
      return { ...ctx, chargeId: result.providerChargeId };
    }

    it('refunds partially, then the rest, then refuses more', async () => {
      const { sandbox, chargeId } = await charged(10000);

      await expect(sandbox.refund({ idempotencyKey: 'r1', providerChargeId: chargeId, amountMinor: 2500, currency: 'EUR' })).resolves.toMatchObject({
        status: 'succeeded',
        amountMinor: 2500,
        currency: 'EUR',
      });
      await expect(sandbox.refund({ idempotencyKey: 'r2', providerChargeId: chargeId, amountMinor: 8000, currency: 'EUR' })).resolves.toMatchObject({
        status: 'failed',
        reason: 'amount_exceeds_charge',
      });
      await expect(sandbox.refund({ idempotencyKey: 'r3', providerChargeId: chargeId })).resolves.toMatchObject({
        status: 'succeeded',
        amountMinor: 7500,
      });
      await expect(sandbox.refund({ idempotencyKey: 'r4', providerChargeId: chargeId })).resolves.toMatchObject({
        status: 'failed',
        reason: 'already_refunded',
      });
      expect((await sandbox.listCharges())[0].refundedMinor).toBe(10000);
    });

    it('refunds once per idempotency key, even after a lost response', async () => {
      const { sandbox, chargeId } = await charged(10000);
      sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'refund' });
      const request = { idempotencyKey: 'r-once', providerChargeId: chargeId, amountMinor: 4000, currency: 'EUR' };

      await expect(sandbox.refund(request)).rejects.toBeInstanceOf(TransientPaymentError);
      const retried = await sandbox.refund(request);
      const again = await sandbox.refund(request);

      expect(again).toEqual(retried);
      expect((await sandbox.listCharges())[0].refundedMinor).toBe(4000);
    });

    it('refuses an amount without its currency, or in another currency', async () => {
      const { sandbox, chargeId } = await charged(10000);
      await expect(sandbox.refund({ idempotencyKey: 'r-a', providerChargeId: chargeId, amountMinor: 100 })).rejects.toMatchObject({
        name: 'PaymentRequestError',
        code: 'invalid_currency',
      });
      await expect(
        sandbox.refund({ idempotencyKey: 'r-b', providerChargeId: chargeId, amountMinor: 100, currency: 'USD' }),
      ).rejects.toMatchObject({ code: 'currency_mismatch' });
      expect((await sandbox.listCharges())[0].refundedMinor).toBe(0);
    });

    it('reports an unknown charge', async () => {
      const { sandbox } = setup();
      await expect(sandbox.refund({ idempotencyKey: 'r', providerChargeId: 'ch_missing' })).resolves.toMatchObject({
        status: 'failed',
        reason: 'charge_not_found',
      });
    });
  });

  describe('request validation', () => {
    it.each([
      [{ amountMinor: 0 }, 'invalid_amount'],
      [{ amountMinor: 12.5 }, 'invalid_amount'],
      [{ currency: 'EURO' }, 'invalid_currency'],
      [{ idempotencyKey: '' }, 'invalid_idempotency_key'],
    ])('rejects %j', async (override, code) => {
      const { sandbox, chargeRequest } = setup();
      const error = await sandbox.charge(chargeRequest('pm_card_visa', override)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaymentRequestError);
      expect(error).toMatchObject({ code });
      expect(await sandbox.listCharges()).toEqual([]);
    });
  });
});
