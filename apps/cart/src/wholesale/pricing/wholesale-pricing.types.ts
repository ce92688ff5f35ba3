import type { WholesaleDeliveryMethod, WholesaleProductType } from '@order-platform/contracts';

/** A catalogue product in integer units: price in ten-thousandths, weight in grams. */
export interface WholesaleProduct {
  code: string;
  type: WholesaleProductType;
  description: string;
  vatCode: string;
  /** 2000 = 20 %. */
  vatRateBasisPoints: number;
  unitPriceTenThousandths: number;
  unitWeightGrams: number;
}

export interface PricedWholesaleLine {
  productCode: string;
  type: WholesaleProductType;
  description: string;
  quantity: number;
  vatCode: string;
  vatRateBasisPoints: number;
  unitPriceTenThousandths: number;
  linePriceMinor: number;
  vatMinor: number;
  unitWeightGrams: number;
  lineWeightGrams: number;
}

export interface PricedWholesaleOrder {
  lines: PricedWholesaleLine[];
  /** Carriage could not be priced yet: no carriage line, to be quoted later. */
  carriageTba: boolean;
  totalPriceMinor: number;
  totalVatMinor: number;
  totalWeightGrams: number;
}

export interface WholesaleOrderToPrice {
  lines: Array<{ product: WholesaleProduct; quantity: number }>;
  deliveryMethod: WholesaleDeliveryMethod;
  deliveryCountryCode: string | null;
}
