import type { WholesaleProduct } from '../pricing/wholesale-pricing.types';

/** The carriage charge's catalogue entry; its price comes from the carriage rule. */
export const CARRIAGE_PRODUCT_CODE = 'CA';

/** Demo catalogue (DEMO_DATA=true): prices in ten-thousandths of a pound, weights in grams. */
export const DEMO_WHOLESALE_PRODUCTS: readonly WholesaleProduct[] = [
  { code: 'VFR8CW', type: 'stock', description: 'PROKNIGHT LED 8w IP65 FIRE RATED 4000K', vatCode: 'S', vatRateBasisPoints: 2000, unitPriceTenThousandths: 234500, unitWeightGrams: 251 },
  { code: 'VFR8BEZMW', type: 'stock', description: 'PROKNIGHT BEZEL MATT WHITE', vatCode: 'S', vatRateBasisPoints: 2000, unitPriceTenThousandths: 12300, unitWeightGrams: 45 },
  { code: 'VFR8BEZCBR', type: 'stock', description: 'PROKNIGHT BEZEL BRUSHED CHROME', vatCode: 'S', vatRateBasisPoints: 2000, unitPriceTenThousandths: 23400, unitWeightGrams: 55 },
  { code: CARRIAGE_PRODUCT_CODE, type: 'nonstock', description: 'Carriage Charge', vatCode: 'S', vatRateBasisPoints: 2000, unitPriceTenThousandths: 100000, unitWeightGrams: 0 },
];

/**
 * The demo trade customer. The API key is published in docs/wholesale.md on purpose: it only
 * exists when DEMO_DATA=true; the database keeps its SHA-256 only.
 */
export const DEMO_TRADE_CUSTOMER = {
  id: 'MLA001',
  companyName: 'ML Accessories Limited',
  contactName: 'John Doe',
  email: 'john.doe@mlaccessories.example',
  phone: '01582 88 77 60',
  paymentTerms: 'account' as const,
  apiKey: 'demo-mla-4c1f0e7b9d2a46e8b3f5',
};
