/** One Server-Sent Events message; see the HTML spec's event-stream format. */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: unknown;
  retryMs?: number;
}

/**
 * Serializes one message. `data` is JSON on a single line (JSON.stringify escapes newlines
 * inside strings), so it can never break the framing; ids and event names lose any CR/LF.
 */
export function formatSseMessage(message: SseMessage): string {
  const lines: string[] = [];
  if (message.retryMs !== undefined) lines.push(`retry: ${Math.max(0, Math.trunc(message.retryMs))}`);
  if (message.id !== undefined) lines.push(`id: ${singleLine(message.id)}`);
  if (message.event !== undefined) lines.push(`event: ${singleLine(message.event)}`);
  if (message.data !== undefined) lines.push(`data: ${JSON.stringify(message.data)}`);
  return `${lines.join('\n')}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and load balancers from idling out. */
export function formatSseComment(text: string): string {
  return `: ${singleLine(text)}\n\n`;
}

function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
