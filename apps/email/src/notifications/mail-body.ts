/** The content of a notification, rendered once as plain text and once as simple HTML. */
export interface MailBody {
  greeting: string;
  paragraphs: string[];
  /** Label/value rows such as ['Order', 'o-1'], shown as a list or a table. */
  details?: Array<[string, string]>;
  /** Shown after the details. */
  closing?: string[];
}

const SIGNATURE = 'The Order Platform team';

export function renderText(body: MailBody): string {
  const blocks: string[] = [body.greeting, ...body.paragraphs];
  if (body.details?.length) {
    const width = Math.max(...body.details.map(([label]) => label.length));
    blocks.push(body.details.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n'));
  }
  blocks.push(...(body.closing ?? []), SIGNATURE);
  return `${blocks.join('\n\n')}\n`;
}

export function renderHtml(body: MailBody, title: string): string {
  const rows = (body.details ?? [])
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.4">',
    `<p>${escapeHtml(body.greeting)}</p>`,
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    rows ? `<table cellpadding="4">${rows}</table>` : '',
    ...(body.closing ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p>${SIGNATURE}</p>`,
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
