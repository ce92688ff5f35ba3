import { parseMail } from '../smtp/parse-mail';

describe('parseMail', () => {
  it('reads folded headers, encoded subjects and quoted-printable bodies', () => {
    const raw = [
      'From: shop@example.com',
      'To: ada@example.com',
      'Subject: =?UTF-8?Q?Caf=C3=A9_order?=',
      'X-Idempotency-Key: abc',
      'X-Long: part one',
      ' part two',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Total: 12.50 =E2=82=AC',
      'line two=',
      ' continued',
    ].join('\r\n');
    const mail = parseMail(raw);
    expect(mail.subject).toBe('Café order');
    expect(mail.headers['x-idempotency-key']).toBe('abc');
    expect(mail.headers['x-long']).toBe('part one part two');
    expect(mail.text).toBe('Total: 12.50 €\nline two continued');
  });

  it('picks text and html parts from multipart/alternative with base64', () => {
    const raw = [
      'Subject: hi',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('plain body').toString('base64'),
      '--b1',
      'Content-Type: text/html',
      '',
      '<p>html body</p>',
      '--b1--',
      '',
    ].join('\r\n');
    const mail = parseMail(raw);
    expect(mail.text).toBe('plain body');
    expect(mail.html?.trim()).toBe('<p>html body</p>');
  });
});
