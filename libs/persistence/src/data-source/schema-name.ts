const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names go into DDL unquoted-safe; refuse anything but lower snake case. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid schema name '${schema}': use lower case letters, digits and '_'`);
  }
  return schema;
}

/** Default schema of a service: its name with '-' -> '_' (order-status -> order_status). */
export function schemaForService(serviceName: string): string {
  return assertSchemaName(serviceName.replace(/-/g, '_'));
}
