import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { SubmitCartController } from './submit-cart/submit-cart.controller';

/** The checkout services' API family: `/api/order/{cart,invoice,payment,shipping}.json`. */
@Module({ imports: [CommandsModule], controllers: [SubmitCartController] })
export class CheckoutModule {}
