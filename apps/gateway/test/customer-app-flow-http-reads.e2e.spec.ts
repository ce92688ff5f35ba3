/* The customer-app flow with ORDER_READS=http: the polled order and the event stream read cart and order-status over their internal HTTP reads. */
import { describeCustomerAppFlow } from './customer-app-flow.suite';

describeCustomerAppFlow('http');
