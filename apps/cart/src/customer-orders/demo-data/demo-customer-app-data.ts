import type { AppRole } from '@order-platform/contracts';

export interface DemoAppUser {
  username: string;
  password: string;
  role: AppRole;
  customerId?: string;
  restaurantId?: string;
}

/** Demo logins for the customer and restaurant apps (DEMO_DATA=true); the launcher lists them in demo.json. */
export const DEMO_APP_USERS: readonly DemoAppUser[] = [
  { username: 'customer5', password: 'customer5-demo', role: 'CUSTOMER_APP', customerId: '5' },
  { username: 'customer6', password: 'customer6-demo', role: 'CUSTOMER_APP', customerId: '6' },
  { username: 'restaurant9', password: 'restaurant9-demo', role: 'RESTAURANT_APP', restaurantId: '9' },
  { username: 'restaurant10', password: 'restaurant10-demo', role: 'RESTAURANT_APP', restaurantId: '10' },
  // Group orders (FoodRush): an activated customer, one not activated, one without identity, restaurant 6.
  { username: 'customer7', password: 'customer7-demo', role: 'CUSTOMER_APP', customerId: '7' },
  { username: 'customer26', password: 'customer26-demo', role: 'CUSTOMER_APP', customerId: '26' },
  { username: 'customer35', password: 'customer35-demo', role: 'CUSTOMER_APP', customerId: '35' },
  { username: 'restaurant6', password: 'restaurant6-demo', role: 'RESTAURANT_APP', restaurantId: '6' },
];

export interface DemoAppCustomer {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  shippingAddress: string;
  /** Group orders need an activated customer with first name, last name and phone number. */
  firstName: string | null;
  lastName: string | null;
  activated: boolean;
}

export const DEMO_APP_CUSTOMERS: readonly DemoAppCustomer[] = [
  { id: '5', name: 'Noa Levi', email: 'noa@example.com', phone: '0541111111', shippingAddress: '5 Herzl St, Tel Aviv', firstName: 'Noa', lastName: 'Levi', activated: true },
  { id: '6', name: 'Dan Cohen', email: 'dan@example.com', phone: '0542222222', shippingAddress: '6 Dizengoff St, Tel Aviv', firstName: 'Dan', lastName: 'Cohen', activated: true },
  {
    id: '7',
    name: 'Léa Martin',
    email: 'lea@example.com',
    phone: '0601020304',
    shippingAddress: 'Allée des techniques avancées, Palaiseau',
    firstName: 'Léa',
    lastName: 'Martin',
    activated: true,
  },
  // Refused by group orders: 26 is not activated (userShouldBeActivated), 35 lacks names and phone (missingCustomerInformation).
  { id: '26', name: 'Tom Petit', email: 'tom@example.com', phone: '0605060708', shippingAddress: 'Rue de Paris, Palaiseau', firstName: 'Tom', lastName: 'Petit', activated: false },
  { id: '35', name: 'customer35', email: 'customer35@example.com', phone: null, shippingAddress: 'Rue de Paris, Palaiseau', firstName: null, lastName: null, activated: true },
];

export const DEMO_RESTAURANTS = [
  { id: '6', name: 'FoodRush Palaiseau', currency: 'EUR' },
  { id: '9', name: 'Pizza Nine', currency: 'USD' },
  { id: '10', name: 'Sushi Ten', currency: 'USD' },
];

export const DEMO_RESTAURANT_PRODUCTS = [
  { restaurantId: '9', id: 'margherita', name: 'Margherita', unitPriceMinor: 1200 },
  { restaurantId: '9', id: 'diavola', name: 'Diavola', unitPriceMinor: 1450 },
  { restaurantId: '9', id: 'tiramisu', name: 'Tiramisu', unitPriceMinor: 650 },
  { restaurantId: '10', id: 'salmon-roll', name: 'Salmon roll', unitPriceMinor: 900 },
  { restaurantId: '10', id: 'miso-soup', name: 'Miso soup', unitPriceMinor: 400 },
];

/** WELCOME10 10 %, FIVEOFF 5.00 off orders of 20.00 or more, SUMMER20 expired. */
export const DEMO_COUPONS = [
  { code: 'WELCOME10', kind: 'percentage', percentOff: 10, amountOffMinor: null, minimumMinor: 0, validFrom: '2024-01-01T00:00:00Z', validUntil: '2099-12-31T23:59:59Z' },
  { code: 'FIVEOFF', kind: 'fixed', percentOff: null, amountOffMinor: 500, minimumMinor: 2000, validFrom: '2024-01-01T00:00:00Z', validUntil: '2099-12-31T23:59:59Z' },
  { code: 'SUMMER20', kind: 'percentage', percentOff: 20, amountOffMinor: null, minimumMinor: 0, validFrom: '2024-06-01T00:00:00Z', validUntil: '2024-08-31T23:59:59Z' },
] as const;
