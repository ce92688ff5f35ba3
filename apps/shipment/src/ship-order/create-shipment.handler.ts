import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type CommandReply,
  CommandErrorCodes,
  Commands,
  CreateShipmentRequest,
  type CreateShipmentResponse,
  replyError,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import { currentCorrelationId } from '@order-platform/messaging';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { ShipmentRow } from '../shipments/shipment-store';
import type { ShipmentConfig } from '../shipment-config';
import { type HeldReason, ShipOrderService } from './ship-order.service';

const POLL_MS = 100;

@Controller()
export class CreateShipmentHandler {
  private readonly logger = new Logger(CreateShipmentHandler.name);

  constructor(
    private readonly shipOrder: ShipOrderService,
    @Inject(SERVICE_CONFIG) private readonly config: ShipmentConfig,
  ) {}

  /** Always replies (never throws): the gateway is waiting. */
  @MessagePattern(Commands.Shipment.CreateShipment)
  async createShipment(@Payload() command: unknown): Promise<CommandReply<CreateShipmentResponse>> {
    const validated = validateCommand(CreateShipmentRequest, command);
    if (!validated.ok) return validated.reply;
    const request = validated.value;
    try {
      const existing = await this.shipOrder.findShipment(request.orderId);
      if (existing) return replyOk(toResponse(existing, false));
      // payment.json may have answered a moment before PaymentProcessed reaches us.
      if (!(await this.waitUntilPaid(request.orderId))) {
        return replyError(CommandErrorCodes.Conflict, `Order ${request.orderId} has not been paid`);
      }
      const correlationId = currentCorrelationId() ?? request.correlationId ?? request.orderId;
      const outcome = await this.shipOrder.shipPaidOrder(request, correlationId);
      if ('held' in outcome) return replyError(CommandErrorCodes.Conflict, heldMessage(request.orderId, outcome));
      return replyOk(toResponse(outcome.shipment, outcome.created));
    } catch (error) {
      this.logger.error({ err: error, orderId: request.orderId }, 'create-shipment failed');
      return replyError(CommandErrorCodes.Unavailable, 'the shipment could not be created, please retry');
    }
  }

  private async waitUntilPaid(orderId: string): Promise<boolean> {
    const deadline = Date.now() + this.config.SHIPMENT_PAYMENT_WAIT_MS;
    for (;;) {
      if (await this.shipOrder.isPaid(orderId)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

function heldMessage(orderId: string, outcome: { held: HeldReason; deliveryRoundId?: string }): string {
  switch (outcome.held) {
    case 'cancelled':
      return `Order ${orderId} has been cancelled`;
    case 'awaiting-confirmation':
      return `Order ${orderId} ships once the merchant has accepted it`;
    case 'awaiting-round':
      return `Order ${orderId} ships with delivery round ${outcome.deliveryRoundId}, which has not started yet`;
  }
}

function toResponse(shipment: ShipmentRow, created: boolean): CreateShipmentResponse {
  return {
    trackingNumber: Number(shipment.trackingNumber),
    orderId: shipment.orderId,
    status: shipment.status,
    carrier: shipment.carrier,
    created,
  };
}
