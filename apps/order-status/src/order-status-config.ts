import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class OrderStatusConfig extends DatabaseServiceConfig {}
