export interface ParsedMail {
  /** Lower-cased header names; repeated headers keep the first value. */
  headers: Record<string, string>;
  subject: string;
  text: string;
  html?: string;
}

function decodeQuotedPrintable(input: string): string {
  const bytes = input
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

/** RFC 2047 encoded words such as =?UTF-8?Q?Caf=C3=A9?= in headers. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_m, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const boundary = raw.search(/\r?\n\r?\n/);
  const head = boundary === -1 ? raw : raw.slice(0, boundary);
  const body = boundary === -1 ? '' : raw.slice(boundary).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  // Continuation lines start with whitespace: fold them into the previous header.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function boundaryOf(contentType: string): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

/** Walks a (possibly multipart) entity and collects its text/plain and text/html parts. */
function collectParts(raw: string, out: { text?: string; html?: string }): void {
  const { headers, body } = splitHeaders(raw);
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = type.startsWith('multipart/') ? boundaryOf(headers['content-type'] ?? '') : undefined;
  if (boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      collectParts(part.replace(/^\r?\n/, ''), out);
    }
    return;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']);
  if (type.startsWith('text/html')) out.html ??= decoded;
  else if (type.startsWith('text/plain')) out.text ??= decoded;
}

/**
 * A minimal RFC 5322/MIME reader: enough for tests to check subject, recipients, custom headers
 * and the text body of mails our services send. Not a general-purpose parser.
 */
export function parseMail(raw: string): ParsedMail {
  const { headers } = splitHeaders(raw);
  const parts: { text?: string; html?: string } = {};
  collectParts(raw, parts);
  return {
    headers,
    subject: headers['subject'] ?? '',
    text: (parts.text ?? '').replace(/\r\n/g, '\n').replace(/\n$/, ''),
    html: parts.html,
  };
}
