import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Every wholesale command carries the API key the trade customer presented (the gateway
 * forwards it unchanged); cart resolves the customer from it, so the gateway never decides
 * whose orders a caller may see.
 */
export class WholesaleAuthenticatedRequest {
  /** Absent or wrong -> UNAUTHORIZED "Invalid API credentials". */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  apiKey?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

export const INVALID_API_CREDENTIALS = 'Invalid API credentials';
