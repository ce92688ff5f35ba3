/**
 * Throw from a handler when retrying cannot help (bad data, business rule): the message goes
 * to the dead-letter topic at once instead of after the retry budget.
 */
export class NonRetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetryableError';
  }
}
