/** The cart's included-tax rule (cart-config taxRuleOf). */
export const GROUP_ORDER_TAX_RULE = Symbol('GROUP_ORDER_TAX_RULE');
/** Poll interval and batch size of the timer poller. */
export const GROUP_ORDER_TIMER_OPTIONS = Symbol('GROUP_ORDER_TIMER_OPTIONS');

export interface GroupOrderTimerOptions {
  pollMs: number;
  /** Timers claimed per transaction (default 20). */
  batchSize?: number;
}
