import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../wait/wait-for';
import { parseMail } from './parse-mail';

export interface ReceivedMail {
  /** SMTP envelope sender (MAIL FROM). */
  from: string;
  /** SMTP envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Lower-cased header names, e.g. headers['message-id'], headers['x-idempotency-key']. */
  headers: Record<string, string>;
  messageId?: string;
  raw: string;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  port: number;
  messages: ReceivedMail[];
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Reply 4xx to the first N messages, to test a sender's retry path. */
  rejectFirst?: number;
}

/** A real SMTP server on 127.0.0.1, ephemeral port, STARTTLS off, any (or no) auth accepted. */
export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let toReject = options.rejectFirst ?? 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (toReject > 0) {
          toReject -= 1;
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = parseMail(raw);
        const from = session.envelope.mailFrom;
        messages.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers,
          messageId: mail.headers['message-id'],
          raw,
        });
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // smtp-server exposes the net.Server it wraps; read the bound port back.
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitForMessages: async (count, timeoutMs = 10_000) => {
      await waitFor(() => messages.length >= count, { timeoutMs, description: `${count} mail(s), got ${messages.length}` });
      return messages.slice(0, count);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
