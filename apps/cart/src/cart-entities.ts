import { Customer } from './catalog/customer.entity';
import { Product } from './catalog/product.entity';
import { OrderLineRecord } from './orders/order-line.entity';
import { OrderRecord } from './orders/order.entity';

export const cartEntities = [Product, Customer, OrderRecord, OrderLineRecord];
