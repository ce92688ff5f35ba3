import { CommandErrorCodes } from '@order-platform/contracts';
import { FoodRushRefusal, invalidRequest } from '../shared/food-rush-refusal';
import { parseIncludeList } from '../shared/include-list';

/** What `GET /groupOrders` asks the cart for (the ListGroupOrders request). */
export interface GroupOrdersFilter {
  joinable: boolean;
  around?: { latitude: number; longitude: number };
  include: string[];
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * `?joinable=1&around=1&latitude=48.711&longitude=2.21928&include=restaurant`. The flags take
 * 1/0 (true/false accepted); `around=1` needs both coordinates. Each bad parameter is named.
 */
export function parseGroupOrdersQuery(query: Record<string, unknown>): GroupOrdersFilter {
  const joinable = flag(query, 'joinable');
  const around = flag(query, 'around');
  const latitude = coordinate(query, 'latitude', 90);
  const longitude = coordinate(query, 'longitude', 180);
  const include = parseIncludeList(query['include']);
  if (!around) return { joinable, include };
  if (latitude === undefined || longitude === undefined) {
    throw new FoodRushRefusal(CommandErrorCodes.ValidationFailed, 'missingCoordinates', 'latitude and longitude are required with around=1');
  }
  return { joinable, around: { latitude, longitude }, include };
}

function flag(query: Record<string, unknown>, name: string): boolean {
  const value = single(query, name);
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw invalidRequest(`${name} must be 1 or 0.`);
}

function coordinate(query: Record<string, unknown>, name: string, limit: number): number | undefined {
  const value = single(query, name)?.trim();
  if (value === undefined || value === '') return undefined;
  const number = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number) || Math.abs(number) > limit) throw invalidRequest(`${name} must be a number between -${limit} and ${limit}.`);
  return number;
}

/** A parameter given twice is ambiguous: refused rather than guessed. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`${name} must be given once.`);
  return value;
}
