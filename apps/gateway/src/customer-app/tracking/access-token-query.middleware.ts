import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * EventSource cannot send headers, so a stream URL may carry `?access_token=`; it becomes the
 * bearer Authorization header (unless one was sent) before guards run. Query strings end up in
 * access logs: clients should prefer short-lived tokens here.
 */
@Injectable()
export class AccessTokenQueryMiddleware implements NestMiddleware {
  use(request: IncomingMessage, _response: ServerResponse, next: () => void): void {
    const token = accessTokenOf(request.url);
    if (token && !request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
    next();
  }
}

export function accessTokenOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  const token = new URLSearchParams(url.slice(query + 1)).get('access_token')?.trim();
  return token ? token : undefined;
}
