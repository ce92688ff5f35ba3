import { holdsOf } from '../shipping-holds';

describe('holdsOf', () => {
  it('takes a hold from whichever source knows it', () => {
    const commandDestination = { deliveryRoundId: null, awaitsMerchantConfirmation: false };
    expect(holdsOf(commandDestination, { deliveryRoundId: '42', awaitsMerchantConfirmation: true })).toEqual({ deliveryRoundId: '42', awaitsMerchantConfirmation: true });
    expect(holdsOf({ deliveryRoundId: '42', awaitsMerchantConfirmation: true }, {})).toEqual({ deliveryRoundId: '42', awaitsMerchantConfirmation: true });
  });

  it('no source known or none naming a hold: nothing to wait for', () => {
    expect(holdsOf(undefined, { deliveryRoundId: null, awaitsMerchantConfirmation: false })).toEqual({ deliveryRoundId: null, awaitsMerchantConfirmation: false });
    expect(holdsOf(undefined, undefined)).toEqual({ deliveryRoundId: null, awaitsMerchantConfirmation: false });
  });
});
