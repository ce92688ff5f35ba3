import { Client } from 'pg';

/**
 * One connection for reading (and arranging) a service's tables in a test. `$schema` in a query
 * stands for the service's quoted schema, so tests write `SELECT * FROM $schema.outbox`.
 */
export class SchemaSql {
  private constructor(
    readonly client: Client,
    readonly schema: string,
  ) {}

  static async connect(databaseUrl: string, schema: string): Promise<SchemaSql> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new SchemaSql(client, schema);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are whatever the query selects
  async rows<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(query.replace(/\$schema/g, `"${this.schema}"`), params)).rows as T[];
  }

  end(): Promise<void> {
    return this.client.end();
  }
}
