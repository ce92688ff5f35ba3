export * from './payment-provider';
export * from './payment-errors';
export * from './payment-provider.config';
export * from './create-payment-provider';
export { SandboxPaymentProvider, type SandboxCharge, type SandboxPaymentProviderOptions } from './sandbox/sandbox-payment-provider';
export type { RawCard } from './sandbox/sandbox-card-vault';
export type { FaultPlan, FaultPhase, FaultOperation } from './sandbox/sandbox-fault-injector';
export { SANDBOX_TEST_CARDS, SANDBOX_TEST_TOKENS } from './sandbox/sandbox-test-cards';
export { StripePaymentProvider, type StripePaymentProviderOptions } from './stripe/stripe-payment-provider';
