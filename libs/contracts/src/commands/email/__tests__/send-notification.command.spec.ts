import { Commands, replyTopic } from '../../command-topics';
import { validateCommand } from '../../validate-command';
import { SendNotificationRequest } from '../send-notification.command';

describe('email.send-notification', () => {
  it('has its command and reply topics', () => {
    expect(Commands.Email.SendNotification).toBe('email.send-notification');
    expect(replyTopic(Commands.Email.SendNotification)).toBe('email.send-notification.reply');
  });

  it('accepts a known event with a name and an address, and names each bad field', () => {
    expect(validateCommand(SendNotificationRequest, { event: 'InvoiceCreated', name: 'Lital Hay', email: 'lital@example.com' }).ok).toBe(true);
    const bad = validateCommand(SendNotificationRequest, { event: 'Whatever', email: 'nope' });
    expect(bad.ok).toBe(false);
    if (!bad.ok && !bad.reply.ok) {
      const paths = (bad.reply.error.details as Array<{ path: string }>).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['event', 'name', 'email']));
    }
  });
});
