import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Contact and default shipping address: CartUpdated carries them as the customer snapshot. */
export class AddCustomerContact1763900000000 implements MigrationInterface {
  name = 'AddCustomerContact1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.customers
        ADD COLUMN phone text,
        ADD COLUMN shipping_address text,
        ADD COLUMN shipping_postal_address jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.customers
        DROP COLUMN shipping_postal_address,
        DROP COLUMN shipping_address,
        DROP COLUMN phone`);
  }
}
