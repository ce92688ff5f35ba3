import { randomInt } from 'node:crypto';

/** Luhn check digit of a digit string, so a mistyped tracking number is caught at once. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts at the rightmost digit, because the check digit will follow it.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** 8 digits: 7 random (no leading zero, so it stays 8 digits as a number) + a Luhn check digit. */
export function newTrackingNumber(random: (min: number, max: number) => number = randomInt): string {
  const body = String(random(1_000_000, 10_000_000));
  return `${body}${luhnCheckDigit(body)}`;
}

export function isValidTrackingNumber(value: string): boolean {
  return /^[1-9]\d{7}$/.test(value) && luhnCheckDigit(value.slice(0, 7)) === Number(value[7]);
}
