import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

const MAX_LENGTH = 100;

/** One rule with one message per case, so a missing number reads "This field is required." and nothing else. */
function IsOrderNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isOrderNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_LENGTH,
      defaultMessage: (args) =>
        typeof args?.value === 'string' && args.value.length > MAX_LENGTH
          ? `Ensure this field has no more than ${MAX_LENGTH} characters.`
          : 'This field is required.',
    },
  });
}

/** POST /api/store/orders/confirm names the order `number`. */
export class ConfirmStoreOrderDto {
  @ApiProperty({ example: 'FR9TL74P' })
  @IsOrderNumber()
  number: string;
}

/** paid, complete and cancel name it `order`. */
export class StoreOrderRefDto {
  @ApiProperty({ example: 'FR9TL74P' })
  @IsOrderNumber()
  order: string;
}
