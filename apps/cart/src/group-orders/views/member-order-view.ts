import type { GroupMemberOrderView, GroupOrderCustomerView, GroupOrderDeliveryAddressView, GroupOrderProductFormatView } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import { discountedPriceMinor } from '../domain/discount';
import { formatViewTime } from '../domain/view-time';
import { GROUP_ORDER_VIEW_COLUMNS, type GroupOrderViewRow, loadRestaurantViews, toGroupOrderView } from './group-order-view';

/** A member order joined with its customer's account (null for external orders). */
export interface MemberOrderRow {
  id: string;
  group_order_id: string;
  restaurant_id: string;
  customer_id: string | null;
  external_customer: { firstName?: string; lastName?: string; phoneNumber?: string } | null;
  product_formats: GroupOrderProductFormatView[];
  raw_price_minor: string;
  /** The group's rate now (final once the group closed). */
  group_discount_rate: number;
  comment: string | null;
  delivery_address: GroupOrderDeliveryAddressView;
  created_at: Date;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
}

export const MEMBER_ORDER_COLUMNS = `m.id, m.group_order_id, m.restaurant_id, m.customer_id, m.external_customer, m.product_formats, m.raw_price_minor,
  grp.discount_rate AS group_discount_rate, m.comment, m.delivery_address, m.created_at, c.first_name, c.last_name, c.phone`;
export const MEMBER_ORDER_FROM = 'group_member_orders m JOIN group_orders grp ON grp.id = m.group_order_id LEFT JOIN customers c ON c.id = m.customer_id';

const ADDRESS_FIELDS = ['street', 'details', 'city', 'postcode', 'state', 'country', 'latitude', 'longitude'] as const;

/** jsonb keeps keys in its own order: the view lists them in the documented one. */
export function deliveryAddressView(stored: GroupOrderDeliveryAddressView): GroupOrderDeliveryAddressView {
  const view: Record<string, unknown> = {};
  for (const field of ADDRESS_FIELDS) if (stored[field] !== undefined) view[field] = stored[field];
  return view as unknown as GroupOrderDeliveryAddressView;
}

function customerOf(row: MemberOrderRow): GroupOrderCustomerView {
  if (row.customer_id === null) {
    const external = row.external_customer ?? {};
    return { firstName: external.firstName ?? '', lastName: external.lastName ?? '', phoneNumber: external.phoneNumber ?? '' };
  }
  return { id: row.customer_id, firstName: row.first_name ?? '', lastName: row.last_name ?? '', phoneNumber: row.phone ?? '' };
}

/**
 * Member orders as GET /orders/{id} shows them, with the included objects (unknown include names
 * are ignored); groups and restaurants are read once for the whole list.
 */
export async function toMemberOrderViews(manager: EntityManager, rows: MemberOrderRow[], include: readonly string[], now: Date): Promise<GroupMemberOrderView[]> {
  const wants = (name: string) => include.includes(name);
  const groups = new Map<string, GroupOrderViewRow>();
  if (wants('groupOrder') && rows.length > 0) {
    const groupRows: GroupOrderViewRow[] = await manager.query(`SELECT ${GROUP_ORDER_VIEW_COLUMNS} FROM group_orders g WHERE g.id = ANY($1)`, [
      [...new Set(rows.map((row) => String(row.group_order_id)))],
    ]);
    for (const group of groupRows) groups.set(String(group.id), group);
  }
  const restaurants = wants('restaurant') ? await loadRestaurantViews(manager, rows.map((row) => row.restaurant_id)) : new Map();
  return rows.map((row) => {
    const view: GroupMemberOrderView = {
      id: String(row.id),
      rawPrice: Number(row.raw_price_minor),
      // Priced from the group's current rate: a join updates one group row, not every member's.
      discountedPrice: discountedPriceMinor(Number(row.raw_price_minor), row.group_discount_rate),
      createdAt: formatViewTime(new Date(row.created_at)),
    };
    if (row.comment !== null) view.comment = row.comment;
    if (wants('customer')) view.customer = customerOf(row);
    const group = groups.get(String(row.group_order_id));
    if (group) view.groupOrder = toGroupOrderView(group, now);
    if (wants('deliveryAddress')) view.deliveryAddress = deliveryAddressView(row.delivery_address);
    if (wants('productFormats')) view.productFormats = row.product_formats.map(({ id, name, price, quantity }) => ({ id, name, price, quantity }));
    const restaurant = restaurants.get(row.restaurant_id);
    if (restaurant) view.restaurant = restaurant;
    return view;
  });
}
