import type { Provider } from '@nestjs/common';
import type { PaymentConfig } from '../payment-config';
import { ChargeReconcileSchedule } from './charge-reconcile-schedule';
import { ChargeReconciler } from './charge-reconciler';
import { RECONCILE_CHARGES_OPTIONS, reconcileChargesOptionsOf } from './reconcile-charges.options';

/** The reconciler and its schedule; they need ChargeInvoiceService beside them. */
export function reconcileChargesProviders(config: PaymentConfig): Provider[] {
  return [{ provide: RECONCILE_CHARGES_OPTIONS, useValue: reconcileChargesOptionsOf(config) }, ChargeReconciler, ChargeReconcileSchedule];
}
