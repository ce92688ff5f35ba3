import type { WholesaleDeliveryMethod, WholesaleOrderState, WholesaleOrderType } from '@order-platform/contracts';
import type { PricedWholesaleLine } from '../pricing/wholesale-pricing.types';

/** The delivery and note fields a client sets; null when not given. */
export interface WholesaleOrderDetails {
  customerOrderNo: string;
  orderType: WholesaleOrderType;
  deliveryMethod: WholesaleDeliveryMethod;
  deliveryName: string | null;
  deliveryCompanyName: string | null;
  deliveryAddress1: string | null;
  deliveryAddress2: string | null;
  deliveryTown: string | null;
  deliveryCounty: string | null;
  deliveryCountryCode: string | null;
  deliveryPostcode: string | null;
  deliveryTelephone: string | null;
  notes: string | null;
}

/** A stored wholesale order with its priced lines, in integer units. */
export interface WholesaleOrderRecord extends WholesaleOrderDetails {
  orderId: number;
  orderNumber: number;
  platformOrderId: string;
  customerId: string;
  orderState: WholesaleOrderState;
  carriageTba: boolean;
  currency: string;
  totalPriceMinor: number;
  totalVatMinor: number;
  totalWeightGrams: number;
  createdAt: Date;
  createdBy: string;
  placedBy: string | null;
  deletedBy: string | null;
  lines: PricedWholesaleLine[];
}
