import { readDatabaseEnv } from '../nest/database-env';
import { assertSchemaName, schemaForService } from '../data-source/schema-name';
import { createDataSourceOptions } from '../data-source/create-data-source-options';

describe('readDatabaseEnv', () => {
  it('reads DATABASE_URL and defaults the schema from the service name', () => {
    expect(readDatabaseEnv('order-status', { DATABASE_URL: 'postgres://u@h:5432/db' })).toEqual({
      url: 'postgres://u@h:5432/db',
      schema: 'order_status',
    });
    expect(readDatabaseEnv('cart', { DATABASE_URL: 'postgresql://u@h/db', DATABASE_SCHEMA: 'cart_v2' }).schema).toBe('cart_v2');
  });

  it('names the variable that is missing or malformed', () => {
    expect(() => readDatabaseEnv('cart', {})).toThrow(/DATABASE_URL is required/);
    expect(() => readDatabaseEnv('cart', { DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => readDatabaseEnv('cart', { DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL must use postgres/);
    expect(() => readDatabaseEnv('cart', { DATABASE_URL: 'postgres://h/db', DATABASE_SCHEMA: 'Bad-Name' })).toThrow(/DATABASE_SCHEMA/);
  });
});

describe('schema names', () => {
  it('accepts snake case only', () => {
    expect(schemaForService('order-status')).toBe('order_status');
    expect(() => assertSchemaName('x"; drop')).toThrow(/invalid schema/);
  });
});

describe('createDataSourceOptions', () => {
  it('never synchronizes, scopes everything to the schema and sets pool and application name', () => {
    const options = createDataSourceOptions({ url: 'postgres://h/db', schema: 'billing', applicationName: 'billing', poolSize: 4 }) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(options['synchronize']).toBe(false);
    expect(options['migrationsRun']).toBe(false);
    expect(options['schema']).toBe('billing');
    expect(options['applicationName']).toBe('billing');
    expect(options['extra'].max).toBe(4);
    expect(options['extra'].options).toContain('search_path=billing,public');
  });
});
