import { loadSmtpMailerConfig } from '../smtp-mailer.config';
import { messageIdFor, notificationKey } from '../notification-key.util';

describe('loadSmtpMailerConfig', () => {
  it('applies defaults', () => {
    expect(loadSmtpMailerConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toEqual({
      url: 'smtp://127.0.0.1:2525',
      from: 'Order Platform <no-reply@order-platform.local>',
      messageIdDomain: 'order-platform.local',
      sendTimeoutMs: 15000,
    });
  });

  it('reads every setting', () => {
    expect(
      loadSmtpMailerConfig({
        SMTP_URL: 'smtps://user:secret@mail.example.com:465',
        SMTP_FROM: 'Shop <orders@shop.example>',
        SMTP_MESSAGE_ID_DOMAIN: 'mail.shop.example',
        SMTP_SEND_TIMEOUT_MS: '2000',
      }),
    ).toMatchObject({ from: 'Shop <orders@shop.example>', messageIdDomain: 'mail.shop.example', sendTimeoutMs: 2000 });
  });

  it.each([
    [{}, /SMTP_URL is required/],
    [{ SMTP_URL: 'http://127.0.0.1:25' }, /SMTP_URL must use smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL must be a URL/],
    [{ SMTP_URL: 'smtp://h:25', SMTP_FROM: 'nobody' }, /SMTP_FROM must contain an address/],
    [{ SMTP_URL: 'smtp://h:25', SMTP_SEND_TIMEOUT_MS: 'soon' }, /SMTP_SEND_TIMEOUT_MS must be a positive integer/],
  ])('names the bad variable for %j', (env, message) => {
    expect(() => loadSmtpMailerConfig(env)).toThrow(message);
  });
});

describe('notification keys', () => {
  it('derive a stable, distinct Message-ID per event and template', () => {
    const key = notificationKey('evt-1', 'order-shipped');
    expect(key).toBe('evt-1/order-shipped');
    expect(messageIdFor(key, 'shop.example')).toBe(messageIdFor('evt-1/order-shipped', 'shop.example'));
    expect(messageIdFor(key, 'shop.example')).toMatch(/^<[0-9a-f]{32}@shop\.example>$/);
    expect(messageIdFor(notificationKey('evt-1', 'payment-received'), 'shop.example')).not.toBe(messageIdFor(key, 'shop.example'));
  });
});
