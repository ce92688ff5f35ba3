import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema.replace(/"/g, '""')}"`;
}

/**
 * Checkout events now move the lifecycle's payment and delivery axes as they arrive. Orders
 * tracked before that get the same axes from their timelines once, so lifecycle actions can
 * read the row alone.
 */
export class BackfillCheckoutLifecycle1765000000000 implements MigrationInterface {
  name = 'BackfillCheckoutLifecycle1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const has = (step: string) => `EXISTS (SELECT 1 FROM ${s}.order_timeline t WHERE t.order_id = o.order_id AND t.step = '${step}')`;
    await queryRunner.query(`UPDATE ${s}.orders o SET payment_status = 3 WHERE payment_status <> 3 AND ${has('PaymentRefunded')}`);
    await queryRunner.query(`UPDATE ${s}.orders o SET payment_status = 2 WHERE payment_status = 1 AND ${has('PaymentProcessed')}`);
    await queryRunner.query(`UPDATE ${s}.orders o SET delivery_status = 30 WHERE delivery_status <> 30 AND ${has('OrderDelivered')}`);
    await queryRunner.query(`UPDATE ${s}.orders o SET delivery_status = 20 WHERE delivery_status = 10 AND ${has('OrderShipped')}`);
    await queryRunner.query(`UPDATE ${s}.orders o SET lifecycle_status = 30 WHERE lifecycle_status IN (1, 10) AND (o.status = 'cancelled' OR ${has('OrderCancelled')})`);
  }

  async down(): Promise<void> {
    // Data only: the axes it set are what the tracker sets for new events.
  }
}
