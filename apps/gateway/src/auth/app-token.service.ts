import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_ROLES, type AuthenticateResponse } from '@order-platform/contracts';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { randomBytes } from 'node:crypto';
import type { GatewayConfig } from '../gateway-config';
import { type AppIdentity, unauthenticated } from './app-identity';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * Issues and verifies the apps' bearer tokens (HS256 with JWT_SECRET). A real identity
 * provider replaces `verify` with a JWKS-backed check; see docs/customer-app-api.md.
 */
@Injectable()
export class AppTokenService {
  private readonly logger = new Logger(AppTokenService.name);
  private readonly jwt: JwtService;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig) {
    let secret = config.JWT_SECRET;
    if (!secret) {
      if (process.env['NODE_ENV'] === 'production') throw new Error('JWT_SECRET is required in production');
      // Tokens then die with the process: fine for development and tests, never for production.
      secret = randomBytes(32).toString('hex');
      this.logger.warn('JWT_SECRET not set: using a random per-process secret');
    }
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', issuer: config.JWT_ISSUER, expiresIn: config.JWT_TTL_SECONDS } });
  }

  async issue(user: AuthenticateResponse): Promise<IssuedToken> {
    const claims: Omit<AppIdentity, 'sub'> = { role: user.role, ...(user.customerId ? { customerId: user.customerId } : {}), ...(user.restaurantId ? { restaurantId: user.restaurantId } : {}) };
    const token = await this.jwt.signAsync(claims, { subject: user.username });
    return { access_token: token, token_type: 'Bearer', expires_in: this.config.JWT_TTL_SECONDS };
  }

  async verify(authorization: string | undefined): Promise<AppIdentity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated('A bearer token is required (Authorization: Bearer <token>).');
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync(match[1], { algorithms: ['HS256'], issuer: this.config.JWT_ISSUER });
    } catch {
      throw unauthenticated('The bearer token is invalid or expired.');
    }
    const role = claims['role'];
    if (typeof claims['sub'] !== 'string' || !APP_ROLES.includes(role as AppIdentity['role'])) throw unauthenticated('The bearer token has no app role.');
    const identity: AppIdentity = { sub: claims['sub'], role: role as AppIdentity['role'] };
    if (typeof claims['customerId'] === 'string') identity.customerId = claims['customerId'];
    if (typeof claims['restaurantId'] === 'string') identity.restaurantId = claims['restaurantId'];
    return identity;
  }
}
