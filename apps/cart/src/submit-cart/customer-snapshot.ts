import type { CustomerSnapshot } from '@order-platform/contracts';
import type { Customer } from '../catalog/customer.entity';

/** The customer as CartUpdated carries it; absent fields stay absent (never null on the wire). */
export function customerSnapshot(customer: Customer, emailOverride?: string): CustomerSnapshot {
  const snapshot: CustomerSnapshot = { customerId: customer.id, name: customer.name };
  const email = emailOverride ?? customer.email;
  if (email) snapshot.email = email;
  if (customer.phone) snapshot.phone = customer.phone;
  if (customer.shippingAddress) snapshot.shippingAddress = customer.shippingAddress;
  if (customer.shippingPostalAddress) snapshot.shippingPostalAddress = customer.shippingPostalAddress;
  return snapshot;
}
