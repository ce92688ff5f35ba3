import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandErrorCodes, type CommandReply, Commands, type ProcessPaymentResponse, replyError } from '@order-platform/contracts';
import { ProcessPaymentService } from './process-payment.service';

@Controller()
export class ProcessPaymentHandler {
  private readonly logger = new Logger(ProcessPaymentHandler.name);

  constructor(private readonly service: ProcessPaymentService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.Payment.ProcessPayment)
  async processPayment(@Payload() command: unknown): Promise<CommandReply<ProcessPaymentResponse>> {
    try {
      return await this.service.process(command);
    } catch (error) {
      this.logger.error({ err: error }, 'process-payment failed');
      return replyError(CommandErrorCodes.Unavailable, 'payment could not be processed, please retry');
    }
  }
}
