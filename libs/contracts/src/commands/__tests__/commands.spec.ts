import { commandTopic, Commands, replyTopic } from '../command-topics';
import { httpStatusOf, isCommandReply, replyError, replyOk } from '../command-reply';
import { validateCommand } from '../validate-command';
import { SubmitCartRequest } from '../cart/submit-cart.command';

describe('commands', () => {
  it('names command and reply topics', () => {
    expect(Commands.Cart.SubmitCart).toBe('cart.submit-cart');
    expect(replyTopic(Commands.Cart.SubmitCart)).toBe('cart.submit-cart.reply');
    expect(() => commandTopic('Cart', 'submit')).toThrow(/kebab-case/);
  });

  it('builds and recognises replies', () => {
    expect(replyOk({ a: 1 })).toEqual({ ok: true, data: { a: 1 } });
    const error = replyError('NOT_FOUND', 'cart missing');
    expect(error).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'cart missing' } });
    expect(isCommandReply(error)).toBe(true);
    expect(isCommandReply({ ok: false })).toBe(false);
    expect(httpStatusOf('NOT_FOUND')).toBe(404);
    expect(httpStatusOf('SOMETHING_ELSE')).toBe(500);
  });

  it('validates a submit-cart request', () => {
    const valid = validateCommand(SubmitCartRequest, { cartId: 'c-1', customerId: 'u-1', channel: 'checkout' });
    expect(valid.ok).toBe(true);
    const invalid = validateCommand(SubmitCartRequest, { cartId: '', channel: 'fax' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok && !invalid.reply.ok) {
      expect(invalid.reply.error.code).toBe('VALIDATION_FAILED');
      const paths = (invalid.reply.error.details as { path: string }[]).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['cartId', 'customerId', 'channel']));
    }
  });
});
