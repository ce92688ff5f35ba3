import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsShortText } from '../../events/shared/field-rules';

export const APP_ROLES = ['CUSTOMER_APP', 'RESTAURANT_APP'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** Gateway -> cart (`cart.authenticate`): check a demo user's password; cart owns the users. */
export class AuthenticateRequest {
  @IsShortText(100)
  username: string;

  @IsShortText(200)
  password: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

/** Who the user is, as the token's claims carry it. */
export interface AuthenticateResponse {
  username: string;
  role: AppRole;
  customerId?: string;
  restaurantId?: string;
}

export const INVALID_USER_CREDENTIALS = 'Invalid username or password';
