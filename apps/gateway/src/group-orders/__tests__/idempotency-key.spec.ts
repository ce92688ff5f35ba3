import type { ArgumentsHost } from '@nestjs/common';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { idempotencyKeyOf } from '../shared/idempotency-key';

/** What the family filter answers for the error idempotencyKeyOf throws. */
function rendered(header: string): { status: number; body: unknown } {
  const sent = { status: 0, body: undefined as unknown };
  const reply = { status: (code: number) => ((sent.status = code), reply), send: (payload: unknown) => ((sent.body = payload), reply) };
  try {
    idempotencyKeyOf(header);
  } catch (error) {
    new CustomerAppExceptionFilter().catch(error, { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost);
    return sent;
  }
  throw new Error('expected the key to be refused');
}

describe('Idempotency-Key header', () => {
  it('is trimmed; blank or missing means no key', () => {
    expect(idempotencyKeyOf('  abc-1  ')).toEqual({ idempotencyKey: 'abc-1' });
    expect(idempotencyKeyOf('   ')).toEqual({});
    expect(idempotencyKeyOf('')).toEqual({});
    expect(idempotencyKeyOf(undefined)).toEqual({});
    expect(idempotencyKeyOf(['first', 'second'])).toEqual({ idempotencyKey: 'first' });
  });

  it('takes up to 200 characters (after trimming) and refuses longer ones with 400 invalidRequest, never cutting them', () => {
    expect(idempotencyKeyOf(` ${'k'.repeat(200)} `)).toEqual({ idempotencyKey: 'k'.repeat(200) });
    expect(rendered('k'.repeat(201))).toEqual({
      status: 400,
      body: { errorKey: 'invalidRequest', message: 'The Idempotency-Key header must be at most 200 characters, 201 given.' },
    });
  });
});
