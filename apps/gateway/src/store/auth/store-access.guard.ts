import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { STORE_API_SETTINGS, type StoreApiSettings } from '../store-api-settings';
import { HTTPS_REQUIRED_DETAIL, INVALID_TOKEN_DETAIL, StoreAccessError } from '../store-api.errors';
import { arrivedOverHttps } from './https-transport';
import { storeTokenOf } from './store-token-header';

/**
 * Plain HTTP (when HTTPS is required) -> 403, then a missing or malformed token -> 401, before
 * the body is read. Whether a well-formed token is valid, and whose it is, only order-status
 * knows: it resolves the store per command.
 */
@Injectable()
export class StoreAccessGuard implements CanActivate {
  constructor(@Inject(STORE_API_SETTINGS) private readonly settings: StoreApiSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.settings.requireHttps && !arrivedOverHttps(request)) throw new StoreAccessError(403, HTTPS_REQUIRED_DETAIL);
    if (!storeTokenOf(request.headers.authorization)) throw new StoreAccessError(401, INVALID_TOKEN_DETAIL);
    return true;
  }
}
