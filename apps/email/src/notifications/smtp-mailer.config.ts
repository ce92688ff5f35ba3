export interface SmtpMailerConfig {
  /** smtp://[user:pass@]host:port or smtps://... */
  url: string;
  from: string;
  /** Right-hand side of Message-IDs; defaults to the From address's domain. */
  messageIdDomain: string;
  sendTimeoutMs: number;
}

export class SmtpConfigError extends Error {
  override readonly name = 'SmtpConfigError';
}

const DEFAULT_FROM = 'Order Platform <no-reply@order-platform.local>';
const DEFAULT_SEND_TIMEOUT_MS = 15_000;

/** Reads SMTP_URL (required), SMTP_FROM, SMTP_MESSAGE_ID_DOMAIN and SMTP_SEND_TIMEOUT_MS. */
export function loadSmtpMailerConfig(env: NodeJS.ProcessEnv = process.env): SmtpMailerConfig {
  const url = env['SMTP_URL']?.trim();
  if (!url) throw new SmtpConfigError('Invalid configuration: SMTP_URL is required (smtp://host:port)');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SmtpConfigError(`Invalid configuration: SMTP_URL must be a URL like smtp://host:port, got "${url}"`);
  }
  if ((parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new SmtpConfigError(`Invalid configuration: SMTP_URL must use smtp:// or smtps:// with a host, got "${url}"`);
  }

  const from = env['SMTP_FROM']?.trim() || DEFAULT_FROM;
  const fromDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1];
  if (!fromDomain) throw new SmtpConfigError(`Invalid configuration: SMTP_FROM must contain an address, got "${from}"`);

  const timeout = env['SMTP_SEND_TIMEOUT_MS']?.trim();
  if (timeout && (!/^\d+$/.test(timeout) || Number(timeout) < 1)) {
    throw new SmtpConfigError(`Invalid configuration: SMTP_SEND_TIMEOUT_MS must be a positive integer, got "${timeout}"`);
  }
  return {
    url,
    from,
    messageIdDomain: env['SMTP_MESSAGE_ID_DOMAIN']?.trim() || fromDomain,
    sendTimeoutMs: timeout ? Number(timeout) : DEFAULT_SEND_TIMEOUT_MS,
  };
}
