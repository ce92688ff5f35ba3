import { Injectable } from '@nestjs/common';
import type { WholesaleProductType } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import { schemaOf, toNumber } from '../orders/wholesale-order.repository';
import type { WholesaleProduct } from '../pricing/wholesale-pricing.types';

export interface CatalogueEntry extends WholesaleProduct {
  /** false for charges such as carriage, which the pricing rule adds itself. */
  orderable: boolean;
}

/** The wholesale product catalogue (active products only). */
@Injectable()
export class WholesaleCatalogue {
  async findActive(manager: EntityManager, codes: string[]): Promise<Map<string, CatalogueEntry>> {
    const rows = (await manager.query(
      `SELECT code, type, description, vat_code, vat_rate_bp, unit_price_e4, unit_weight_g, orderable
         FROM ${schemaOf(manager)}.wholesale_products WHERE code = ANY($1) AND active`,
      [[...new Set(codes)]],
    )) as Array<Record<string, unknown>>;
    return new Map(
      rows.map((row) => [
        String(row['code']),
        {
          code: String(row['code']),
          type: row['type'] as WholesaleProductType,
          description: String(row['description']),
          vatCode: String(row['vat_code']),
          vatRateBasisPoints: toNumber(row['vat_rate_bp']),
          unitPriceTenThousandths: toNumber(row['unit_price_e4']),
          unitWeightGrams: toNumber(row['unit_weight_g']),
          orderable: Boolean(row['orderable']),
        },
      ]),
    );
  }
}
