import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { OrderReadsModule } from '../order-reads/order-reads.module';
import { CreateShipmentController } from './create-shipment/create-shipment.controller';
import { IssueInvoiceController } from './issue-invoice/issue-invoice.controller';
import { GetOrderStatusController } from './order-status/get-order-status.controller';
import { ProcessPaymentController } from './process-payment/process-payment.controller';
import { SendNotificationController } from './send-notification/send-notification.controller';
import { CheckoutCommands } from './shared/checkout-commands';
import { SubmitCartController } from './submit-cart/submit-cart.controller';

/** The checkout services' API family: `/api/order/{cart,invoice,payment,shipping,email}.json` and `/api/order/{orderId}.json`. */
@Module({
  imports: [CommandsModule, OrderReadsModule],
  controllers: [
    SubmitCartController,
    IssueInvoiceController,
    ProcessPaymentController,
    CreateShipmentController,
    SendNotificationController,
    GetOrderStatusController,
  ],
  providers: [CheckoutCommands],
})
export class CheckoutModule {}
