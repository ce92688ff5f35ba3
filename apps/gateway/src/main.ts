import { bootstrapService } from '@order-platform/service-kit';
import { gatewayService } from './gateway.service-definition';

void bootstrapService(gatewayService);
