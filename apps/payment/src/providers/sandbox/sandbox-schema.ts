import { assertSchemaName } from '@order-platform/persistence';

/**
 * The schema that plays the provider's side, next to the service's own (`payment` ->
 * `payment_sandbox`): a remote provider's records are not payment's tables, and a schema per
 * service schema keeps parallel test schemas apart.
 */
export function sandboxSchemaFor(serviceSchema: string): string {
  return assertSchemaName(`${serviceSchema}_sandbox`);
}
