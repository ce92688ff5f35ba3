/** Bounds what a query can make the cart resolve; real include lists have a handful of names. */
const MAX_INCLUDES = 10;
const NAME = /^[A-Za-z]{1,50}$/;

/**
 * `?include=customer,groupOrder` → `['customer', 'groupOrder']`. Repeated parameters are merged,
 * blanks and duplicates dropped. Unknown names are the cart's to ignore, but names that cannot be
 * relation names (punctuation, very long) are dropped here so they never travel.
 */
export function parseIncludeList(raw: unknown): string[] {
  const parts = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string').flatMap((value) => value.split(','));
  const names = parts.map((part) => part.trim()).filter((part) => NAME.test(part));
  return [...new Set(names)].slice(0, MAX_INCLUDES);
}
