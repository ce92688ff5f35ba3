import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { MailDeliveryError, toMailDeliveryError } from './mail-delivery-error';
import { messageIdFor } from './notification-key.util';
import type { SmtpMailerConfig } from './smtp-mailer.config';

export interface OutgoingMail {
  /** The notification key (`<event id>/<template>`); it fixes the Message-ID. */
  key: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  correlationId?: string;
}

export interface MailReceipt {
  messageId: string;
  /** The relay's final reply, e.g. '250 OK: queued as ...'. */
  response: string;
  acceptedAt: Date;
}

export const NOTIFICATION_KEY_HEADER = 'X-Notification-Key';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Sends notification mails over SMTP with a Message-ID derived from the notification key,
 * so a resend after a lost reply is recognisable downstream. Throws MailDeliveryError.
 */
export class SmtpMailer {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly config: SmtpMailerConfig) {
    this.transport = createTransport(transportOptions(config));
  }

  messageIdFor(key: string): string {
    return messageIdFor(key, this.config.messageIdDomain);
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    const messageId = this.messageIdFor(mail.key);
    const headers: Record<string, string> = { [NOTIFICATION_KEY_HEADER]: mail.key };
    if (mail.correlationId) headers['X-Correlation-Id'] = mail.correlationId;

    let timer: NodeJS.Timeout | undefined;
    // The socket time-outs cover a silent server; this caps a server that answers slowly forever.
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new MailDeliveryError(`SMTP send timed out after ${this.config.sendTimeoutMs} ms`, 'transient', { code: 'ETIMEDOUT' })),
        this.config.sendTimeoutMs,
      );
    });
    try {
      const info = await Promise.race([
        this.transport.sendMail({
          from: this.config.from,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          headers,
        }),
        deadline,
      ]);
      if (info.rejected.length > 0) {
        throw new MailDeliveryError(`Recipient refused: ${info.rejected.join(', ')}`, 'permanent', { code: 'EENVELOPE' });
      }
      return { messageId, response: info.response, acceptedAt: new Date() };
    } catch (error) {
      throw toMailDeliveryError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function transportOptions(config: SmtpMailerConfig): SMTPTransport.Options {
  const url = new URL(config.url);
  const secure = url.protocol === 'smtps:';
  const options: SMTPTransport.Options = {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    // A loopback relay (tests, mail capture) has no certificate: do not attempt STARTTLS there.
    ignoreTLS: !secure && LOOPBACK_HOSTS.has(url.hostname),
    connectionTimeout: config.sendTimeoutMs,
    greetingTimeout: config.sendTimeoutMs,
    socketTimeout: config.sendTimeoutMs,
  };
  if (url.username) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  return options;
}
