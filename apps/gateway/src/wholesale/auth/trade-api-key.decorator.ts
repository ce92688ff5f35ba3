import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { bearerApiKey } from './bearer-api-key';

/** The presented API key (TradeApiKeyGuard has already refused requests without one). */
export const TradeApiKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return bearerApiKey(request.headers.authorization) ?? '';
});
