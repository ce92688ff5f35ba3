import type { TypedEvent } from '@order-platform/contracts';

export interface ContactFields {
  email?: string;
  name?: string;
  phone?: string;
}

/** What CartUpdated and InvoiceCreated tell about who to write to; other events tell nothing. */
export function contactOfEvent(event: TypedEvent): ContactFields {
  if (event.type === 'CartUpdated') {
    const { customer, customerEmail, deliveryAddress } = event.payload;
    return compact({
      email: customer?.email ?? customerEmail,
      name: customer?.name ?? deliveryAddress?.name,
      phone: customer?.phone ?? deliveryAddress?.phone,
    });
  }
  if (event.type === 'InvoiceCreated') {
    const { customerEmail, customerName, customerPhone, deliveryAddress } = event.payload;
    return compact({ email: customerEmail, name: customerName ?? deliveryAddress?.name, phone: customerPhone ?? deliveryAddress?.phone });
  }
  return {};
}

function compact(fields: ContactFields): ContactFields {
  const out: ContactFields = {};
  for (const [name, value] of Object.entries(fields) as Array<[keyof ContactFields, string | undefined]>) {
    const trimmed = value?.trim();
    if (trimmed) out[name] = trimmed;
  }
  return out;
}
