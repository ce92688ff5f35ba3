import { IsNotEmpty, Matches } from 'class-validator';
import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class EmailConfig extends DatabaseServiceConfig {
  @IsNotEmpty({ message: 'is required (smtp://host:port)' })
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp://host:port URL' })
  SMTP_URL: string;
}
