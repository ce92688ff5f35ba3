import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandErrorCodes, type CommandReply, Commands, type IssueInvoiceResponse, replyError } from '@order-platform/contracts';
import { IssueInvoiceService } from './issue-invoice.service';

@Controller()
export class IssueInvoiceHandler {
  private readonly logger = new Logger(IssueInvoiceHandler.name);

  constructor(private readonly service: IssueInvoiceService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.Billing.IssueInvoice)
  async issueInvoice(@Payload() command: unknown): Promise<CommandReply<IssueInvoiceResponse>> {
    try {
      return await this.service.issue(command);
    } catch (error) {
      this.logger.error({ err: error }, 'issue-invoice failed');
      return replyError(CommandErrorCodes.Unavailable, 'invoice could not be issued, please retry');
    }
  }
}
