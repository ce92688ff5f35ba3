import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailCaptureOptions {
  /** Folder that receives one .eml file per mail. */
  mailDir: string;
  port: number;
  host?: string;
  log?: (line: string) => void;
  maxMessageBytes?: number;
}

export interface CapturedMail {
  file: string;
  from: string;
  to: string[];
  subject: string;
}

export interface MailCaptureHandle {
  host: string;
  port: number;
  /** smtp://host:port, what the email service reads as SMTP_URL. */
  url: string;
  mailDir: string;
  onMail(listener: (mail: CapturedMail) => void): void;
  close(): Promise<void>;
}

/** A local SMTP server that accepts every mail (no auth, no TLS) and files it in mailDir instead of delivering it. */
export async function startMailCapture(options: MailCaptureOptions): Promise<MailCaptureHandle> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const listeners: Array<(mail: CapturedMail) => void> = [];
  mkdirSync(options.mailDir, { recursive: true });
  let sequence = 0;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: options.maxMessageBytes ?? 25 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const id = `${session.id}-${++sequence}`.replace(/[^A-Za-z0-9-]/g, '');
        const file = join(options.mailDir, `${stamp}-${id}.eml`);
        const mail: CapturedMail = {
          file,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: headerValue(raw, 'subject'),
        };
        writeFile(file, raw).then(
          () => {
            log(`mail "${mail.subject}" from ${mail.from} to ${mail.to.join(', ')} -> ${file}`);
            for (const listener of listeners) listener(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
      stream.on('error', (error: Error) => callback(error));
    },
  });
  server.on('error', (error) => log(`smtp error: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    mailDir: options.mailDir,
    onMail: (listener) => listeners.push(listener),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header's (unfolded) value from the raw message head; enough for a log line. */
function headerValue(raw: Buffer, name: string): string {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end === -1 ? Math.min(raw.length, 64 * 1024) : end).toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  const match = head.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'im'));
  return match ? match[1].trim() : '';
}
