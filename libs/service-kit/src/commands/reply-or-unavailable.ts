import type { LoggerService } from '@nestjs/common';
import { CommandErrorCodes, type CommandReply, replyError } from '@order-platform/contracts';

/**
 * Runs a command's work and always replies: the gateway is waiting on the reply topic, so an
 * unexpected throw is logged and answered UNAVAILABLE (503, safe to retry) instead of timing out.
 */
export async function replyOrUnavailable<T>(
  logger: Pick<LoggerService, 'error'>,
  what: string,
  unavailable: string,
  run: () => Promise<CommandReply<T>>,
): Promise<CommandReply<T>> {
  try {
    return await run();
  } catch (error) {
    logger.error({ err: error }, `${what} failed`);
    return replyError(CommandErrorCodes.Unavailable, unavailable);
  }
}
