import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class BillingConfig extends DatabaseServiceConfig {}
