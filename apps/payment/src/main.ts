import { bootstrapService } from '@order-platform/service-kit';
import { paymentService } from './payment.service-definition';

void bootstrapService(paymentService);
