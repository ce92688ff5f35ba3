import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Customer } from './customer.entity';
import { Product } from './product.entity';

@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findCustomer(id: string): Promise<Customer | null> {
    return this.dataSource.getRepository(Customer).findOneBy({ id });
  }

  /** Active products by id; unknown or inactive ids are simply absent from the map. */
  async findActiveProducts(ids: string[]): Promise<Map<string, Product>> {
    const products = await this.dataSource.getRepository(Product).findBy({ id: In([...new Set(ids)]), active: true });
    return new Map(products.map((product) => [product.id, product]));
  }
}
