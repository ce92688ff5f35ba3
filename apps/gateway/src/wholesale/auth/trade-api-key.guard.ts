import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { INVALID_API_CREDENTIALS } from '@order-platform/contracts';
import type { FastifyRequest } from 'fastify';
import { bearerApiKey } from './bearer-api-key';

/**
 * Refuses requests without a Bearer key before the body is validated. Whether the key is
 * valid, and whose it is, only the cart knows: it resolves the trade customer per command.
 */
@Injectable()
export class TradeApiKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!bearerApiKey(request.headers.authorization)) throw new UnauthorizedException(INVALID_API_CREDENTIALS);
    return true;
  }
}
