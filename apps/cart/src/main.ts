import { bootstrapService } from '@order-platform/service-kit';
import { cartService } from './cart.service-definition';

void bootstrapService(cartService);
