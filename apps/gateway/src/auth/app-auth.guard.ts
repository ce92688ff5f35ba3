import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppIdentity } from './app-identity';
import { AppTokenService } from './app-token.service';

type AuthenticatedRequest = FastifyRequest & { appIdentity?: AppIdentity };

/** Verifies the bearer token before anything else runs; 401 without a valid one. */
@Injectable()
export class AppAuthGuard implements CanActivate {
  constructor(private readonly tokens: AppTokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.appIdentity = await this.tokens.verify(request.headers.authorization);
    return true;
  }
}

/** The verified caller (only on routes behind AppAuthGuard). */
export const CurrentApp = createParamDecorator((_data: unknown, context: ExecutionContext): AppIdentity => {
  const identity = context.switchToHttp().getRequest<AuthenticatedRequest>().appIdentity;
  if (!identity) throw new Error('CurrentApp used on a route without AppAuthGuard');
  return identity;
});
