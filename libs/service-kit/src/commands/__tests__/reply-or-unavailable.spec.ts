import { replyOk } from '@order-platform/contracts';
import { replyOrUnavailable } from '../reply-or-unavailable';

describe('replyOrUnavailable', () => {
  it('passes the work\'s reply through', async () => {
    const logger = { error: jest.fn() };
    await expect(replyOrUnavailable(logger, 'get', 'down', async () => replyOk(1))).resolves.toEqual({ ok: true, data: 1 });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('answers UNAVAILABLE with the given message and logs the throw', async () => {
    const logger = { error: jest.fn() };
    const failure = new Error('connection reset');
    const reply = await replyOrUnavailable(logger, 'get order', 'order status is unavailable, please retry', async () => {
      throw failure;
    });
    expect(reply).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'order status is unavailable, please retry' } });
    expect(logger.error).toHaveBeenCalledWith({ err: failure }, 'get order failed');
  });
});
