import { Module } from '@nestjs/common';
import { GetOrderHandler } from './get-order.handler';
import { GetOrderService } from './get-order.service';
import { InternalGetOrderController } from './internal-get-order.controller';

/** The get-order query, over Kafka request-reply and over the internal HTTP read. */
@Module({ controllers: [GetOrderHandler, InternalGetOrderController], providers: [GetOrderService] })
export class GetOrderModule {}
