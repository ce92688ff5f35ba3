import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { storeTokenOf } from './store-token-header';

/** The presented store token (StoreAccessGuard has already refused requests without one). */
export const StoreToken = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return storeTokenOf(request.headers.authorization) ?? '';
});
