import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class EmailConfig extends DatabaseServiceConfig {
  @IsNotEmpty({ message: 'is required (smtp://host:port)' })
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp://host:port URL' })
  SMTP_URL: string;

  /** Sender, e.g. 'Order Platform <no-reply@example.com>'. */
  @IsOptional()
  @IsString()
  SMTP_FROM?: string;

  @IsOptional()
  @IsString()
  SMTP_MESSAGE_ID_DOMAIN?: string;

  @IsOptional()
  @Matches(/^\d+$/, { message: 'must be a whole number of milliseconds' })
  SMTP_SEND_TIMEOUT_MS?: string;
}
