import { bootstrapService } from '@order-platform/service-kit';
import { orderStatusService } from './order-status.service-definition';

void bootstrapService(orderStatusService);
