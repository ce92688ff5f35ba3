import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class ShipmentConfig extends DatabaseServiceConfig {}
