import type { CommandError } from '@order-platform/contracts';

/** A service answered a command with `{ ok: false }`; carries its error unchanged. */
export class CommandFailedError extends Error {
  constructor(readonly error: CommandError) {
    super(error.message);
    this.name = 'CommandFailedError';
  }

  /**
   * The same failure with command field names replaced by the API's own (e.g. the command's
   * `unitPriceMinor` is the checkout API's `price`), so errors name what the client sent.
   */
  withFieldAliases(aliases: Readonly<Record<string, string>>): CommandFailedError {
    const details = this.error.details;
    if (!Array.isArray(details)) return this;
    const renamed = details.map((entry: unknown) => {
      const item = entry as { path?: unknown };
      if (typeof item.path !== 'string') return entry;
      const path = item.path
        .split('.')
        .map((segment) => aliases[segment] ?? segment)
        .join('.');
      return { ...(entry as object), path };
    });
    return new CommandFailedError({ ...this.error, details: renamed });
  }
}

/** The owning service did not answer in time or could not be reached. */
export class CommandUnavailableError extends Error {
  constructor(readonly pattern: string, cause: unknown) {
    super(`${pattern} did not answer`, { cause });
    this.name = 'CommandUnavailableError';
  }
}
