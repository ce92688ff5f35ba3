import { randomUUID } from 'node:crypto';
import { detectCardBrand, normalizeCardNumber, passesLuhn } from '../card-number.util';
import { PaymentRequestError } from '../payment-errors';
import type { MaskedCard, PaymentMethodRef } from '../payment-provider';
import type { SandboxLedger } from './sandbox-ledger';
import {
  SANDBOX_TEST_CARDS,
  SANDBOX_TEST_TOKENS,
  UNKNOWN_CARD_BEHAVIOUR,
  type SandboxCardBehaviour,
} from './sandbox-test-cards';

export interface RawCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  holderName?: string;
}

export interface VaultedCard {
  card: MaskedCard;
  behaviour: SandboxCardBehaviour;
  /** Set for cards saved on file: only this customer may charge them. */
  ownerCustomerId: string | null;
}

export type ResolvedPaymentMethod = { found: true; vaulted: VaultedCard } | { found: false; message: string };

/**
 * Plays the provider's tokenization service. The PAN is read once to pick the test
 * behaviour and build the masked card; only those are kept, in the ledger, so tokens and
 * cards on file stay chargeable after a restart, as at a real provider. Stripe's ready-made
 * test tokens (the demo cards on file) need no stored state.
 */
export class SandboxCardVault {
  constructor(
    private readonly ledger: SandboxLedger,
    private readonly now: () => Date,
  ) {}

  async tokenize(raw: RawCard): Promise<{ token: string; card: MaskedCard }> {
    const vaulted = this.vaultCard(raw, null);
    const token = `tok_sandbox_${compactId()}`;
    await this.ledger.saveCard(token, vaulted);
    return { token, card: vaulted.card };
  }

  async saveCardOnFile(customerId: string, raw: RawCard): Promise<{ reference: string; card: MaskedCard }> {
    if (!customerId) throw new PaymentRequestError('customerId is required to save a card', 'invalid_customer');
    const vaulted = this.vaultCard(raw, customerId);
    const reference = `pm_sandbox_${compactId()}`;
    await this.ledger.saveCard(reference, vaulted);
    return { reference, card: vaulted.card };
  }

  async resolve(method: PaymentMethodRef, customerId: string): Promise<ResolvedPaymentMethod> {
    if (method.type === 'token') {
      const wellKnown = SANDBOX_TEST_TOKENS[method.token];
      if (wellKnown) return { found: true, vaulted: this.vaultCard(this.testCard(wellKnown), null) };
      const vaulted = await this.ledger.findCard(method.token);
      if (!vaulted || vaulted.ownerCustomerId !== null) {
        return { found: false, message: `No such payment token: ${method.token}` };
      }
      return { found: true, vaulted };
    }
    const vaulted = await this.ledger.findCard(method.reference);
    if (!vaulted || vaulted.ownerCustomerId !== customerId) {
      return { found: false, message: `No card on file ${method.reference} for customer ${customerId}` };
    }
    return { found: true, vaulted };
  }

  private vaultCard(raw: RawCard, ownerCustomerId: string | null): VaultedCard {
    const digits = normalizeCardNumber(raw.number);
    if (!digits || !passesLuhn(digits)) {
      throw new PaymentRequestError('The card number is not a valid card number.', 'incorrect_number');
    }
    if (!Number.isInteger(raw.expMonth) || raw.expMonth < 1 || raw.expMonth > 12 || !Number.isInteger(raw.expYear)) {
      throw new PaymentRequestError("The card's expiration date is invalid.", 'invalid_expiry');
    }
    return {
      card: {
        brand: detectCardBrand(digits),
        first6: digits.slice(0, 6),
        last4: digits.slice(-4),
        expMonth: raw.expMonth,
        expYear: raw.expYear,
        holderName: raw.holderName?.trim() || null,
      },
      behaviour: SANDBOX_TEST_CARDS[digits] ?? UNKNOWN_CARD_BEHAVIOUR,
      ownerCustomerId,
    };
  }

  // Stripe's test PaymentMethods carry a future expiry; keep it relative to the clock.
  private testCard(number: string): RawCard {
    return { number, expMonth: 12, expYear: this.now().getUTCFullYear() + 2 };
  }
}

export function compactId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 24);
}
