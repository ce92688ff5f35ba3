import { Module } from '@nestjs/common';
import { GetOrderHandler } from './get-order.handler';
import { GetOrderService } from './get-order.service';

@Module({ controllers: [GetOrderHandler], providers: [GetOrderService] })
export class GetOrderModule {}
