/**
 * An integer count of 10^-decimals units as the JSON number the API prints, via string
 * arithmetic only: (234500, 4) -> 23.45, (251, 3) -> 0.251, (2000, 4) -> 0.2.
 */
export function scaledDecimal(value: number, decimals: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected a safe integer, got ${value}`);
  const digits = Math.abs(value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return Number(`${value < 0 ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`);
}
