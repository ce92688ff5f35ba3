import { HttpException } from '@nestjs/common';

/** 401 / 403 of the store API: `{ "detail": "..." }`, as its clients expect. */
export class StoreAccessError extends HttpException {
  constructor(status: 401 | 403, readonly detail: string) {
    super(detail, status);
  }
}

export const INVALID_TOKEN_DETAIL = 'Invalid token';
export const HTTPS_REQUIRED_DETAIL = 'Please use https instead of http';

/** A refused order action: 400 `{ error_message, error_code, errors: { field: message } }`. */
export class StoreOrderRefusedError extends HttpException {
  constructor(
    readonly errorMessage: string,
    readonly errorCode: string,
    readonly field: string,
  ) {
    super(errorMessage, 400);
  }
}
