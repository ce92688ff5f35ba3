export type MailDeliveryErrorKind = 'transient' | 'permanent';

/**
 * `transient`: try again later with the same notification key (connection refused, time-out,
 * 4xx reply). `permanent`: retrying will not help (5xx reply such as 550 mailbox unavailable).
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  constructor(
    message: string,
    readonly kind: MailDeliveryErrorKind,
    readonly details: { responseCode?: number; code?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get transient(): boolean {
    return this.kind === 'transient';
  }
}

// nodemailer codes that mean the mail itself or our settings are wrong, whatever the server says.
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EAUTH', 'ETLS', 'EREQUIRETLS']);

/** Classifies what nodemailer threw: the SMTP reply code first, then nodemailer's error code. */
export function toMailDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const { responseCode, code, message } = (error ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown };
  const reply = typeof responseCode === 'number' ? responseCode : undefined;
  const errorCode = typeof code === 'string' ? code : undefined;
  const text = typeof message === 'string' ? message : String(error);
  let kind: MailDeliveryErrorKind;
  if (reply !== undefined && reply >= 500) kind = 'permanent';
  else if (reply !== undefined && reply >= 400) kind = 'transient';
  else if (errorCode && PERMANENT_CODES.has(errorCode)) kind = 'permanent';
  else kind = 'transient';
  return new MailDeliveryError(text, kind, { responseCode: reply, code: errorCode }, { cause: error });
}
