import { IsIn, IsOptional } from 'class-validator';
import { IsIdentifier } from '../../events/shared/field-rules';
import { APP_ROLES, type AppRole } from '../customer-app/authenticate.command';

/** Who calls a group-order command, from the caller's token (never from the HTTP body). */
export class GroupOrderRequester {
  @IsIn(APP_ROLES)
  role: AppRole;

  /** Set for CUSTOMER_APP callers. */
  @IsOptional()
  @IsIdentifier()
  customerId?: string;

  /** Set for RESTAURANT_APP callers. */
  @IsOptional()
  @IsIdentifier()
  restaurantId?: string;
}
