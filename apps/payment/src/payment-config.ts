import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class PaymentConfig extends DatabaseServiceConfig {}
