import { createMessagingTables, outboxTableSql } from '../outbox/messaging-tables.migration';

describe('createMessagingTables', () => {
  it('returns a migration class named with its timestamp for TypeORM ordering', () => {
    const Migration = createMessagingTables('billing', 1710000000000);
    expect(Migration.name).toBe('CreateMessagingTables1710000000000');
    expect(new Migration().name).toBe('CreateMessagingTables1710000000000');
  });

  it('qualifies tables with the schema and refuses unsafe names', () => {
    expect(outboxTableSql('billing')[0]).toContain('"billing".outbox');
    expect(() => createMessagingTables('bad"name')).toThrow(/invalid schema/);
  });
});
