import { MailDeliveryError, toMailDeliveryError } from '../mail-delivery-error';

const smtpError = (fields: { responseCode?: number; code?: string }) => Object.assign(new Error('smtp failure'), fields);

describe('toMailDeliveryError', () => {
  it.each([
    [{ responseCode: 550, code: 'EENVELOPE' }, 'permanent'],
    [{ responseCode: 554, code: 'EMESSAGE' }, 'permanent'],
    [{ responseCode: 535, code: 'EAUTH' }, 'permanent'],
    [{ responseCode: 451, code: 'EMESSAGE' }, 'transient'],
    [{ responseCode: 421, code: 'EENVELOPE' }, 'transient'],
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [{ code: 'ESOCKET' }, 'transient'],
    [{ code: 'EENVELOPE' }, 'permanent'],
    [{}, 'transient'],
  ] as Array<[{ responseCode?: number; code?: string }, string]>)('%j -> %s', (fields, kind) => {
    const error = toMailDeliveryError(smtpError(fields));
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error.kind).toBe(kind);
    expect(error.transient).toBe(kind === 'transient');
    expect(error.details.responseCode).toBe(fields.responseCode);
  });

  it('keeps an already classified error', () => {
    const classified = new MailDeliveryError('x', 'permanent');
    expect(toMailDeliveryError(classified)).toBe(classified);
  });
});
