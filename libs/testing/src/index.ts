/**
 * @order-platform/testing: real infrastructure for integration tests (PostgreSQL, Kafka, SMTP)
 * chosen by the same rules everywhere, plus small waiting helpers. See README.md.
 */
export * from './postgres/start-test-postgres';
export * from './postgres/test-database';
export * from './postgres/schema-sql';
export * from './kafka/start-test-kafka';
export * from './kafka/read-topic';
export * from './infra/start-test-infra';
export * from './smtp/start-test-smtp';
export * from './smtp/parse-mail';
export * from './runtime/container-runtime';
export * from './wait/wait-for';
export * from './wait/free-port';
