import { createTransport } from 'nodemailer';
import { startTestSmtp, TestSmtp } from '../src';

describe('startTestSmtp', () => {
  let smtp: TestSmtp;

  beforeEach(async () => {
    smtp = await startTestSmtp();
  });

  afterEach(async () => {
    await smtp.stop();
  });

  it('receives a mail sent by nodemailer over loopback, with headers and text body', async () => {
    expect(smtp.url).toBe(`smtp://127.0.0.1:${smtp.port}`);
    const transport = createTransport({ url: smtp.url } as never);
    try {
      await transport.sendMail({
        from: 'orders@example.com',
        to: ['ada@example.com', 'bob@example.com'],
        subject: 'Your order ord-1 is confirmed',
        text: 'Thanks for your order.\nTotal: 22.61 EUR',
        html: '<p>Thanks</p>',
        messageId: '<ord-1.confirmation@example.com>',
        headers: { 'X-Idempotency-Key': 'evt-123' },
      });
    } finally {
      transport.close();
    }
    const [mail] = await smtp.waitForMessages(1, 5000);
    expect(mail.from).toBe('orders@example.com');
    expect(mail.to).toEqual(['ada@example.com', 'bob@example.com']);
    expect(mail.subject).toBe('Your order ord-1 is confirmed');
    expect(mail.text).toBe('Thanks for your order.\nTotal: 22.61 EUR');
    expect(mail.html).toContain('<p>Thanks</p>');
    expect(mail.messageId).toBe('<ord-1.confirmation@example.com>');
    expect(mail.headers['x-idempotency-key']).toBe('evt-123');
  });

  it('can refuse the first delivery with a transient error', async () => {
    await smtp.stop();
    smtp = await startTestSmtp({ rejectFirst: 1 });
    const transport = createTransport({ url: smtp.url } as never);
    try {
      await expect(transport.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' })).rejects.toThrow(/451/);
      await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'second', text: 'x' });
    } finally {
      transport.close();
    }
    const [mail] = await smtp.waitForMessages(1, 5000);
    expect(mail.subject).toBe('second');
  });

  it('times out when fewer mails arrive', async () => {
    await expect(smtp.waitForMessages(1, 100)).rejects.toThrow(/timed out/);
  });
});
