import { bootstrapService } from '@order-platform/service-kit';
import { shipmentService } from './shipment.service-definition';

void bootstrapService(shipmentService);
