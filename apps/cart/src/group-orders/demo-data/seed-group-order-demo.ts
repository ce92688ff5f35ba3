import type { EntityManager } from 'typeorm';

/** Group-order settings of the demo restaurants (created by the customer-app demo data): all in Palaiseau, always open. */
export const DEMO_GROUP_RESTAURANTS = [
  // ~1 km from the example address (48.711042, 2.219278).
  { id: '6', latitude: 48.7137, longitude: 2.2089, groupCapacity: 10, maxPreparationMinutes: 30 },
  { id: '9', latitude: 48.7146, longitude: 2.2466, groupCapacity: 10, maxPreparationMinutes: 30 },
  { id: '10', latitude: 48.7085, longitude: 2.195, groupCapacity: 10, maxPreparationMinutes: 30 },
];

/** The group-order menu; prices in cents of the restaurant's currency. */
export const DEMO_PRODUCT_FORMATS = [
  { id: '1', restaurantId: '6', name: 'Pizza Margherita (large)', priceMinor: 810 },
  { id: '2', restaurantId: '6', name: 'Tiramisu', priceMinor: 480 },
  { id: '3', restaurantId: '9', name: 'Pizza Nine family', priceMinor: 1500 },
  { id: '4', restaurantId: '9', name: 'Lasagna', priceMinor: 1200 },
  { id: '5', restaurantId: '10', name: 'Salmon roll box', priceMinor: 900 },
];

/**
 * With DEMO_DATA=true, after the demo restaurants exist: locates them (only those not located
 * yet, so running it again changes nothing) and inserts the product formats once.
 */
export async function seedGroupOrderDemo(manager: EntityManager): Promise<void> {
  for (const r of DEMO_GROUP_RESTAURANTS) {
    await manager.query(
      `UPDATE restaurants SET latitude = $2, longitude = $3, group_capacity = $4, max_preparation_minutes = $5, opens_at = NULL, closes_at = NULL
       WHERE id = $1 AND latitude IS NULL`,
      [r.id, r.latitude, r.longitude, r.groupCapacity, r.maxPreparationMinutes],
    );
  }
  for (const f of DEMO_PRODUCT_FORMATS) {
    await manager.query(`INSERT INTO product_formats (id, restaurant_id, name, price_minor) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
      f.id,
      f.restaurantId,
      f.name,
      f.priceMinor,
    ]);
  }
}
