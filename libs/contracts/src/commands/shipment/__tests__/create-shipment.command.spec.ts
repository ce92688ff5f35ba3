import { Commands, replyTopic } from '../../command-topics';
import { validateCommand } from '../../validate-command';
import { CreateShipmentRequest } from '../create-shipment.command';

describe('shipment.create-shipment', () => {
  it('has its command and reply topics', () => {
    expect(Commands.Shipment.CreateShipment).toBe('shipment.create-shipment');
    expect(replyTopic(Commands.Shipment.CreateShipment)).toBe('shipment.create-shipment.reply');
  });

  it('accepts the checkout request and names each bad field', () => {
    const ok = validateCommand(CreateShipmentRequest, { orderId: '456', name: 'Lital Hay', phone: '0545870006', shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY' });
    expect(ok.ok).toBe(true);
    const bad = validateCommand(CreateShipmentRequest, { orderId: 456, name: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok && !bad.reply.ok) {
      const paths = (bad.reply.error.details as Array<{ path: string }>).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['orderId', 'name', 'phone', 'shippingAddress']));
    }
  });
});
