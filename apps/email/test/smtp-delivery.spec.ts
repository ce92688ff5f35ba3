import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestSmtp, type TestSmtp } from '@order-platform/testing';
import {
  CHECKOUT_NOTIFICATIONS,
  loadSmtpMailerConfig,
  MailDeliveryError,
  NotificationPlanner,
  SmtpMailer,
  type OutgoingMail,
} from '../src/notifications';
import { orderShippedEvent } from '../src/notifications/__tests__/checkout-events.fixture';

const FROM = 'Order Platform <no-reply@orders.test>';

function mailerFor(url: string, sendTimeoutMs = 5000): SmtpMailer {
  return new SmtpMailer(loadSmtpMailerConfig({ SMTP_URL: url, SMTP_FROM: FROM, SMTP_SEND_TIMEOUT_MS: String(sendTimeoutMs) }));
}

const sampleMail = (key: string): OutgoingMail => ({
  key,
  recipient: 'ada@example.com',
  subject: 'Hello',
  text: 'Plain body',
  html: '<p>HTML body</p>',
});

async function listen(server: { listen(port: number, host: string, cb: () => void): unknown }, addressOf: () => AddressInfo) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return addressOf().port;
}

describe('SmtpMailer against a real SMTP server on loopback', () => {
  let smtp: TestSmtp;
  let mailer: SmtpMailer;

  beforeEach(async () => {
    smtp = await startTestSmtp();
    mailer = mailerFor(smtp.url);
  });

  afterEach(async () => {
    mailer.close();
    await smtp.stop();
  });

  it('delivers a planned notification with its Message-ID and X-Notification-Key', async () => {
    const planner = new NotificationPlanner(CHECKOUT_NOTIFICATIONS);
    const [notification] = planner.plan(orderShippedEvent, { contact: { email: 'ada@example.com', name: 'Ada' } }).send;

    const receipt = await mailer.send(notification);
    const [received] = await smtp.waitForMessages(1);

    expect(receipt.messageId).toBe(mailer.messageIdFor(`${orderShippedEvent.id}/order-shipped`));
    expect(receipt.messageId).toMatch(/^<[0-9a-f]{32}@orders\.test>$/);
    expect(receipt.response).toMatch(/^250/);
    expect(received.from).toBe('no-reply@orders.test');
    expect(received.to).toEqual(['ada@example.com']);
    expect(received.subject).toBe('Your order o-1001 is on its way');
    expect(received.text).toContain('Tracking number:');
    expect(received.text).toContain('JJD000390007827');
    expect(received.html).toContain('<td>JJD000390007827</td>');
    expect(received.messageId).toBe(receipt.messageId);
    expect(received.headers['x-notification-key']).toBe(`${orderShippedEvent.id}/order-shipped`);
    expect(received.headers['x-correlation-id']).toBe('corr-1');
  });

  it('a resend of the same notification carries the same Message-ID; another notification does not', async () => {
    await mailer.send(sampleMail('evt-42/order-shipped'));
    await mailer.send(sampleMail('evt-42/order-shipped'));
    await mailer.send(sampleMail('evt-43/order-shipped'));
    const [first, resent, other] = await smtp.waitForMessages(3);

    expect(resent.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });
});

describe('SmtpMailer failures', () => {
  it('reports a 4xx reply as transient, and the retry goes through', async () => {
    const smtp = await startTestSmtp({ rejectFirst: 1 });
    const mailer = mailerFor(smtp.url);
    try {
      const error = await mailer.send(sampleMail('evt-1/t')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error).toMatchObject({ kind: 'transient', details: { responseCode: 451 } });

      await mailer.send(sampleMail('evt-1/t'));
      expect(await smtp.waitForMessages(1)).toHaveLength(1);
    } finally {
      mailer.close();
      await smtp.stop();
    }
  });

  it('reports a 550 reply as permanent', async () => {
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) =>
        callback(Object.assign(new Error(`Mailbox unavailable: ${address.address}`), { responseCode: 550 })),
    });
    const port = await listen(server, () => (server as unknown as { server: Server }).server.address() as AddressInfo);
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`);
    try {
      const error = await mailer.send(sampleMail('evt-2/t')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error).toMatchObject({ kind: 'permanent', details: { responseCode: 550 } });
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reports a server that is down as transient', async () => {
    // Reserve a port, then free it: nothing listens there any more.
    const probe = createServer();
    const port = await listen(probe, () => probe.address() as AddressInfo);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`);
    try {
      const error = await mailer.send(sampleMail('evt-3/t')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error).toMatchObject({ kind: 'transient', details: { responseCode: undefined } });
    } finally {
      mailer.close();
    }
  });

  it('gives up on a server that never greets within the send timeout, as transient', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    const port = await listen(silent, () => silent.address() as AddressInfo);
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`, 300);
    try {
      const started = Date.now();
      const error = await mailer.send(sampleMail('evt-4/t')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error).toMatchObject({ kind: 'transient' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      mailer.close();
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
