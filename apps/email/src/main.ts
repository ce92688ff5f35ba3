import { bootstrapService } from '@order-platform/service-kit';
import { emailService } from './email.service-definition';

void bootstrapService(emailService);
