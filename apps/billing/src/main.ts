import { bootstrapService } from '@order-platform/service-kit';
import { billingService } from './billing.service-definition';

void bootstrapService(billingService);
