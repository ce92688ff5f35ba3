import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CommandErrorCodes, CommandReply, replyError, validationDetails } from './command-reply';

/**
 * Turns a raw request-reply message into its request class, or a VALIDATION_FAILED reply the
 * handler can return as is.
 */
export function validateCommand<T extends object>(
  requestClass: new () => T,
  raw: unknown,
): { ok: true; value: T } | { ok: false; reply: CommandReply<never> } {
  const value = plainToInstance(requestClass, raw ?? {});
  const errors = validateSync(value as object, { forbidUnknownValues: true });
  if (errors.length === 0) return { ok: true, value };
  return {
    ok: false,
    reply: replyError(CommandErrorCodes.ValidationFailed, 'command failed validation', validationDetails(errors)),
  };
}
