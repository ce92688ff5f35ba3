import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { CapturedMail, startMailCapture } from '../src/infrastructure/mail-capture';

describe('mail capture', () => {
  it('files a mail sent over SMTP as an .eml file and reports it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'launcher-mail-'));
    const mailDir = join(root, 'mail');
    const logged: string[] = [];
    const capture = await startMailCapture({ mailDir, port: 0, log: (line) => logged.push(line) });
    const received = new Promise<CapturedMail>((resolve) => capture.onMail(resolve));
    const transport = createTransport({ host: capture.host, port: capture.port, secure: false, ignoreTLS: true });
    try {
      expect(capture.url).toBe(`smtp://127.0.0.1:${capture.port}`);
      await transport.sendMail({
        from: 'orders@example.test',
        to: 'customer@example.test',
        subject: 'Your order ORD-1 is confirmed',
        text: 'Total: 12.50 EUR',
      });
      const mail = await received;

      expect(mail).toMatchObject({ from: 'orders@example.test', to: ['customer@example.test'], subject: 'Your order ORD-1 is confirmed' });
      const files = readdirSync(mailDir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[A-Za-z0-9-]+\.eml$/);
      expect(join(mailDir, files[0])).toBe(mail.file);
      const raw = readFileSync(mail.file, 'utf8');
      expect(raw).toContain('Subject: Your order ORD-1 is confirmed');
      expect(raw).toContain('Total: 12.50 EUR');
      expect(logged.join('\n')).toContain('Your order ORD-1 is confirmed');
    } finally {
      transport.close();
      await capture.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
