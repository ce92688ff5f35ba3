/**
 * @order-platform/persistence: TypeORM for one service in its own PostgreSQL schema.
 * - createDataSourceOptions({ url, schema, entities, migrations }) (synchronize is never used)
 * - runMigrations(dataSource): CREATE SCHEMA IF NOT EXISTS, then pending migrations
 * - PersistenceModule.forService({ serviceName, entities, migrations }) for Nest apps
 * - MoneyColumn()/CurrencyColumn() for integer minor units + ISO currency
 * - runAdminCli()/parseCliFlags() for admin commands on a service's schema
 */
export * from './data-source/create-data-source-options';
export * from './data-source/schema-name';
export * from './migrations/run-migrations';
export * from './columns/money-column';
export * from './columns/currency-column';
export * from './nest/database-env';
export * from './nest/persistence.module';
export * from './admin-cli/admin-cli';
