import type { SqlRunner } from './store-token-admin';

/** A store order as the store created it (POS, kiosk, app); used by the demo seeder and by tests. */
export interface StoreOrderSeed {
  orderId: string;
  storeId: number;
  /** Explicit store-facing id; omitted -> the next from the column's identity. */
  storeOrderId?: number;
  number: string;
  currency: string;
  status?: number;
  paymentStatus?: number;
  deliveryStatus?: number;
  totalMinor: number;
  taxMinor: number;
  serviceChargeMinor: number;
  grandTotalMinor: number;
  tableNumber?: string | null;
  channel: number;
  notes?: string | null;
  paymentMethod?: number | null;
  user?: { id: number; name: string; phone: string } | null;
  createdAt?: Date;
}

/** Inserts the order unless its id or number exists already; returns whether it was inserted. */
export async function insertStoreOrder(sql: SqlRunner, seed: StoreOrderSeed): Promise<boolean> {
  const rows = (await sql.query(
    `INSERT INTO orders (order_id, status, customer_id, created_at, store_order_id, order_number, store_id, lifecycle_status,
                         payment_status, delivery_status, channel, table_number, notes, currency, total_minor, tax_minor,
                         service_charge_minor, grand_total_minor, payment_method, user_id, user_name, user_phone)
     VALUES ($1, 'pending', $2, $3, COALESCE($4, nextval(pg_get_serial_sequence('orders', 'store_order_id'))), $5, $6, $7, $8, $9, $10,
             $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT DO NOTHING RETURNING order_id`,
    [
      seed.orderId,
      seed.user ? String(seed.user.id) : null,
      seed.createdAt ?? new Date(),
      seed.storeOrderId ?? null,
      seed.number,
      seed.storeId,
      seed.status ?? 1,
      seed.paymentStatus ?? 1,
      seed.deliveryStatus ?? 10,
      seed.channel,
      seed.tableNumber ?? null,
      seed.notes ?? null,
      seed.currency,
      seed.totalMinor,
      seed.taxMinor,
      seed.serviceChargeMinor,
      seed.grandTotalMinor,
      seed.paymentMethod ?? null,
      seed.user?.id ?? null,
      seed.user?.name ?? null,
      seed.user?.phone ?? null,
    ],
  )) as unknown[];
  return rows.length > 0;
}
