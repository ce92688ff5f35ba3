import { GroupOrderErrors, type GroupOrderError } from '../group-order-errors';

/** Which route a body came from: they share the shape, with a few fields of their own. */
export type PlacementKind = 'create' | 'join' | 'external';

/** The delivery address kept on the member order; optional fields absent when not given. */
export interface DeliveryAddress {
  street?: string;
  details?: string;
  city?: string;
  postcode?: number | string;
  state?: string;
  country?: string;
  latitude: number;
  longitude: number;
}

/** An external order's customer as the restaurant typed it; blank attributes are absent. */
export interface ExternalCustomer {
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
}

export interface OrderedFormat {
  id: string;
  quantity: number;
}

export interface PlacementBody {
  productFormats: OrderedFormat[];
  deliveryAddress: DeliveryAddress;
  comment?: string;
  /** create only. */
  foodRushDurationInMinutes?: number;
  /** external only. */
  customer?: ExternalCustomer;
}

export const MAX_COMMENT_LENGTH = 1000;
const MAX_QUANTITY = 1000;
const MAX_FORMATS = 100;
const ADDRESS_FIELDS = ['street', 'details', 'city', 'postcode', 'state', 'country'] as const;
const CUSTOMER_FIELDS = ['firstName', 'lastName', 'phoneNumber'] as const;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: GroupOrderError };
const invalid = (message: string): { ok: false; error: GroupOrderError } => ({ ok: false, error: GroupOrderErrors.invalidRequest(message) });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The 400s of a placement body, in this order: missing productFormats, missing deliveryAddress,
 * then malformed fields (invalidRequest naming the field), then a comment over 1000 characters.
 * Domain rules (ranges, existence, distances) come later, with the data they need.
 */
export function parsePlacementBody(kind: PlacementKind, raw: unknown): Parsed<PlacementBody> {
  if (raw !== undefined && raw !== null && !isObject(raw)) return invalid('The request body must be a JSON object.');
  const body = raw ?? {};
  if (body['productFormats'] === undefined || body['productFormats'] === null) return { ok: false, error: GroupOrderErrors.missingProductFormats() };
  if (body['deliveryAddress'] === undefined || body['deliveryAddress'] === null) return { ok: false, error: GroupOrderErrors.missingDeliveryAddress() };

  const productFormats = parseProductFormats(body['productFormats']);
  if (!productFormats.ok) return productFormats;
  const deliveryAddress = parseDeliveryAddress(body['deliveryAddress']);
  if (!deliveryAddress.ok) return deliveryAddress;
  const parsed: PlacementBody = { productFormats: productFormats.value, deliveryAddress: deliveryAddress.value };

  if (kind === 'create') {
    const duration = body['foodRushDurationInMinutes'];
    if (duration === undefined || duration === null) return invalid('foodRushDurationInMinutes is required to create a group order.');
    if (typeof duration !== 'number' || !Number.isInteger(duration)) return invalid('foodRushDurationInMinutes must be a whole number of minutes.');
    parsed.foodRushDurationInMinutes = duration;
  }
  if (kind === 'external') {
    const customer = parseExternalCustomer(body['customer']);
    if (!customer.ok) return customer;
    parsed.customer = customer.value;
  }

  const comment = body['comment'];
  if (comment !== undefined && comment !== null) {
    if (typeof comment !== 'string') return invalid('comment must be a string.');
    if (comment.length > MAX_COMMENT_LENGTH) return { ok: false, error: GroupOrderErrors.commentTooLong(MAX_COMMENT_LENGTH, comment.length) };
    if (comment.trim() !== '') parsed.comment = comment;
  }
  return { ok: true, value: parsed };
}

function parseProductFormats(raw: unknown): Parsed<OrderedFormat[]> {
  if (!isObject(raw)) return invalid('productFormats must be an object of product format ids to quantities, such as {"1": 2}.');
  const entries = Object.entries(raw);
  if (entries.length > MAX_FORMATS) return invalid(`productFormats must not name more than ${MAX_FORMATS} product formats.`);
  const formats: OrderedFormat[] = [];
  for (const [id, quantity] of entries) {
    if (!/^[1-9]\d{0,17}$/.test(id)) return invalid(`productFormats has an invalid product format id "${id.slice(0, 40)}".`);
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      return invalid(`productFormats.${id} must be a whole quantity between 1 and ${MAX_QUANTITY}.`);
    }
    formats.push({ id, quantity });
  }
  return { ok: true, value: formats };
}

function parseDeliveryAddress(raw: unknown): Parsed<DeliveryAddress> {
  if (!isObject(raw)) return invalid('deliveryAddress must be an object.');
  const { latitude, longitude } = raw;
  if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    return invalid('deliveryAddress.latitude must be a number between -90 and 90.');
  }
  if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    return invalid('deliveryAddress.longitude must be a number between -180 and 180.');
  }
  // Built in the documented field order (coordinates last): the view shows it as stored.
  const address: Partial<DeliveryAddress> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (field === 'postcode') {
      const valid = (typeof value === 'string' && value.length <= 20) || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);
      if (!valid) return invalid('deliveryAddress.postcode must be a postcode such as 91120 or "91120".');
      address.postcode = value as string | number;
      continue;
    }
    if (typeof value !== 'string' || value.length > 200) return invalid(`deliveryAddress.${field} must be a string of at most 200 characters.`);
    address[field] = value;
  }
  return { ok: true, value: { ...address, latitude, longitude } };
}

function parseExternalCustomer(raw: unknown): Parsed<ExternalCustomer> {
  // A missing customer is missingCustomerInformation (403) naming every attribute, decided later.
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (!isObject(raw)) return invalid('customer must be an object with firstName, lastName and phoneNumber.');
  const customer: ExternalCustomer = {};
  for (const field of CUSTOMER_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length > 100) return invalid(`customer.${field} must be a string of at most 100 characters.`);
    if (value.trim() !== '') customer[field] = value.trim();
  }
  return { ok: true, value: customer };
}
