import { eventUpdateMail } from '../event-update-mail';
import { requestIdFor } from '../send-notification.service';

describe('requestIdFor', () => {
  it('is a UUID fixed by the idempotency key', () => {
    const id = requestIdFor('key-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdFor('key-1')).toBe(id);
    expect(requestIdFor('key-2')).not.toBe(id);
  });
});

describe('eventUpdateMail', () => {
  it('names the event in the subject and greets by name, HTML-escaped', () => {
    const mail = eventUpdateMail('OrderShipped', 'Ada <Admin>', '456');
    expect(mail.subject).toBe('Your order is on its way (order 456)');
    expect(mail.text).toContain('Hello Ada <Admin>,');
    expect(mail.html).toContain('Hello Ada &lt;Admin&gt;,');
  });
});
