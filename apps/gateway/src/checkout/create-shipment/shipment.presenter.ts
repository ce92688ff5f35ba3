import type { CreateShipmentRequest, CreateShipmentResponse } from '@order-platform/contracts';
import type { CreateShipmentDto } from './create-shipment.dto';
import type { ShipmentView } from './shipment.view';

export const SHIPMENT_FIELD_ALIASES: Readonly<Record<string, string>> = { shippingAddress: 'shipping_address' };

export function toCreateShipmentCommand(dto: CreateShipmentDto): Omit<CreateShipmentRequest, 'correlationId'> {
  return { orderId: dto.orderId, name: dto.name, phone: dto.phone, shippingAddress: dto.shipping_address };
}

export function toShipmentView(shipment: CreateShipmentResponse): ShipmentView {
  return { tracking_number: shipment.trackingNumber };
}
