/* The customer-app flow with the gateway's default reads: Kafka request-reply to cart and order-status. */
import { describeCustomerAppFlow } from './customer-app-flow.suite';

describeCustomerAppFlow('kafka');
