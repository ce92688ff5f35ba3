import type { DeclineReason } from '../payment-provider';

// The card numbers and PaymentMethod tokens of Stripe's test mode, so the same test data
// drives the sandbox and a Stripe test account.

export type SandboxCardBehaviour =
  | { outcome: 'succeed' }
  | { outcome: 'decline'; reason: DeclineReason; message: string }
  /** Like Stripe's processing_error card: every attempt fails with an unknown outcome. */
  | { outcome: 'transient'; message: string };

const decline = (reason: DeclineReason, message: string): SandboxCardBehaviour => ({ outcome: 'decline', reason, message });

export const SANDBOX_TEST_CARDS: Readonly<Record<string, SandboxCardBehaviour>> = {
  '4242424242424242': { outcome: 'succeed' },
  '4000056655665556': { outcome: 'succeed' },
  '5555555555554444': { outcome: 'succeed' },
  '378282246310005': { outcome: 'succeed' },
  '4000000000000002': decline('card_declined', 'Your card was declined.'),
  '4000000000009995': decline('insufficient_funds', 'Your card has insufficient funds.'),
  '4000000000000069': decline('expired_card', 'Your card has expired.'),
  '4000000000000127': decline('incorrect_cvc', "Your card's security code is incorrect."),
  '4000000000009987': decline('lost_card', 'Your card was declined.'),
  '4000000000009979': decline('stolen_card', 'Your card was declined.'),
  '4000002760003184': decline('authentication_required', 'Your card requires authentication.'),
  '4000000000000119': { outcome: 'transient', message: 'An error occurred while processing your card. Try again.' },
};

/** Luhn-valid numbers outside the table behave like a real card in test mode: declined. */
export const UNKNOWN_CARD_BEHAVIOUR: SandboxCardBehaviour = decline(
  'card_declined',
  'Your card was declined. Only test card numbers are accepted by the sandbox.',
);

/** Stripe's ready-made test PaymentMethods, mapped to the card they stand for. */
export const SANDBOX_TEST_TOKENS: Readonly<Record<string, string>> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
};
