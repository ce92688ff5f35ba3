import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { EmailConfig } from '../email-config';
import { loadSmtpMailerConfig, type MailReceipt, type OutgoingMail, SmtpMailer } from '../notifications';

/** The service's one SMTP mailer, built from its validated config and closed on shutdown. */
@Injectable()
export class NotificationMailer implements OnApplicationShutdown {
  private readonly mailer: SmtpMailer;

  constructor(@Inject(SERVICE_CONFIG) config: EmailConfig) {
    this.mailer = new SmtpMailer(
      loadSmtpMailerConfig({
        SMTP_URL: config.SMTP_URL,
        SMTP_FROM: config.SMTP_FROM,
        SMTP_MESSAGE_ID_DOMAIN: config.SMTP_MESSAGE_ID_DOMAIN,
        SMTP_SEND_TIMEOUT_MS: config.SMTP_SEND_TIMEOUT_MS,
      }),
    );
  }

  send(mail: OutgoingMail): Promise<MailReceipt> {
    return this.mailer.send(mail);
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
