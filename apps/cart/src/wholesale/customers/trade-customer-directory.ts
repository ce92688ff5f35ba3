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

/** Resolves the trade customer behind a presented API key. */
@Injectable()
export class TradeCustomerDirectory {
  async authenticate(manager: EntityManager, apiKey: string | undefined): Promise<TradeCustomer | null> {
    if (!apiKey) return null;
    const [row] = (await manager.query(
      `SELECT id, company_name, contact_name, email, phone, payment_terms
         FROM ${schemaOf(manager)}.trade_customers WHERE api_key_sha256 = $1 AND active`,
      [hashApiKey(apiKey)],
    )) as Array<Record<string, string | null>>;
    if (!row) return null;
    return {
      id: String(row['id']),
      companyName: String(row['company_name']),
      contactName: String(row['contact_name']),
      email: String(row['email']),
      phone: row['phone'] ?? null,
      paymentTerms: row['payment_terms'] === 'account' ? 'account' : 'card',
    };
  }
}
