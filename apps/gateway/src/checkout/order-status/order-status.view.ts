import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECKOUT_STATUSES, type CheckoutStatus } from '@order-platform/contracts';

export class TimelineStepView {
  @ApiProperty({ example: 'InvoiceCreated' })
  step: string;

  @ApiProperty({ example: '2026-01-15T10:01:00+00:00', description: 'When the event happened, ISO 8601 with offset' })
  at: string;

  @ApiProperty({ example: '0b6c1f0e-3a55-4a43-8f57-5a1f6c2d9e11' })
  eventId: string;

  @ApiProperty({ example: { invoiceId: '789', invoiceNumber: '2026-000001' }, type: 'object', additionalProperties: true })
  details: Record<string, unknown>;
}

export class OrderStatusView {
  @ApiProperty({ example: '456' })
  orderId: string;

  @ApiProperty({ example: 'paid', enum: CHECKOUT_STATUSES })
  status: CheckoutStatus;

  @ApiPropertyOptional({ example: 'Your card was declined.', description: 'Only when status is cancelled' })
  cancellationReason?: string;

  @ApiProperty({ type: [TimelineStepView], description: 'Oldest first, by event time' })
  timeline: TimelineStepView[];
}
