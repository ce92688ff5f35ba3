import { Injectable } from '@nestjs/common';
import type { PaymentTerms } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import { schemaOf } from '../orders/wholesale-order.repository';
import { hashApiKey } from './api-key-hash';

export interface TradeCustomer {
  id: string;
  companyName: string;
  contactName: string;
  email: string;
  phone: string | null;
  paymentTerms: PaymentTerms;
}

/**
 * Resolves the trade customer behind a presented API key. A revoked key, or one past its
 * expiry (the grace period of a rotation), is unknown. last_used_at is written at most once a
 * minute per key, so a busy customer costs no extra write per request.
 */
@Injectable()
export class TradeCustomerDirectory {
  async authenticate(manager: EntityManager, apiKey: string | undefined): Promise<TradeCustomer | null> {
    if (!apiKey) return null;
    const s = schemaOf(manager);
    const [row] = (await manager.query(
      `SELECT c.id, c.company_name, c.contact_name, c.email, c.phone, c.payment_terms, k.id AS key_id,
              (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS usage_stale
         FROM ${s}.trade_customer_api_keys k JOIN ${s}.trade_customers c ON c.id = k.customer_id
        WHERE k.key_sha256 = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()) AND c.active`,
      [hashApiKey(apiKey)],
    )) as Array<Record<string, string | boolean | null>>;
    if (!row) return null;
    if (row['usage_stale'] === true) {
      await manager.query(
        `UPDATE ${s}.trade_customer_api_keys SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row['key_id']],
      );
    }
    return {
      id: String(row['id']),
      companyName: String(row['company_name']),
      contactName: String(row['contact_name']),
      email: String(row['email']),
      phone: (row['phone'] as string | null) ?? null,
      paymentTerms: row['payment_terms'] === 'account' ? 'account' : 'card',
    };
  }
}
