/**
 * Demo stores and orders (DEMO_DATA=true). The tokens are published in docs/store-api.md on
 * purpose: they exist only with DEMO_DATA=true, and the database keeps their SHA-256 only.
 * Money in minor units of IDR (exponent 2 in libs/contracts): 40000 IDR is 4000000.
 */
export const DEMO_STORES = [
  { name: 'Burger God', currency: 'IDR', token: 'demo-burger-god-token' },
  { name: 'Taco Town', currency: 'IDR', token: 'demo-taco-town-token' },
] as const;

export interface DemoStoreOrder {
  storeName: string;
  storeOrderId: number;
  number: string;
  status: number;
  paymentStatus: number;
  deliveryStatus: number;
  totalMinor: number;
  taxMinor: number;
  serviceChargeMinor: number;
  grandTotalMinor: number;
  tableNumber: string | null;
  channel: number;
  notes: string | null;
  paymentMethod: number;
  user: { id: number; name: string; phone: string };
  createdAtUnix: number;
}

const demoUser = { id: 1, name: 'user', phone: '+628111111111' };
const burger = { totalMinor: 3636400, taxMinor: 363600, serviceChargeMinor: 0, grandTotalMinor: 4000000, paymentMethod: 1, user: demoUser };

export const DEMO_STORE_ORDERS: readonly DemoStoreOrder[] = [
  { ...burger, storeName: 'Burger God', storeOrderId: 1, number: 'FR9TL74P', status: 1, paymentStatus: 1, deliveryStatus: 10, tableNumber: 'A1', channel: 2, notes: 'No lettuce', createdAtUnix: 1564045835 },
  { ...burger, storeName: 'Burger God', storeOrderId: 2, number: 'FR9TL75Q', status: 10, paymentStatus: 1, deliveryStatus: 10, tableNumber: 'B2', channel: 1, notes: null, createdAtUnix: 1564046000 },
  { ...burger, storeName: 'Burger God', storeOrderId: 3, number: 'FR9TL76R', status: 20, paymentStatus: 2, deliveryStatus: 30, tableNumber: 'C3', channel: 3, notes: null, createdAtUnix: 1564047000 },
  { ...burger, storeName: 'Burger God', storeOrderId: 4, number: 'FR9TL77S', status: 30, paymentStatus: 1, deliveryStatus: 10, tableNumber: null, channel: 4, notes: 'Customer left', createdAtUnix: 1564048000 },
  { ...burger, storeName: 'Taco Town', storeOrderId: 5, number: 'TT4M8K2Q', status: 1, paymentStatus: 1, deliveryStatus: 10, tableNumber: '7', channel: 2, notes: null, createdAtUnix: 1564049000 },
];
