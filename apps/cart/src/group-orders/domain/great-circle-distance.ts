/** A point on Earth in decimal degrees. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine great-circle distance in km (Earth radius 6371 km). */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A distance equal to the limit is accepted; only a longer one is refused. */
export function withinKm(distance: number, limitKm: number): boolean {
  return distance <= limitKm;
}

/** Km for messages: one decimal, a trailing ".0" dropped ("10", "7.4"). */
export function formatKm(km: number): string {
  return String(Math.round(km * 10) / 10);
}
