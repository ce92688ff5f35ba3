import { IsOptional, IsString, Length } from 'class-validator';
import { IsShortText } from './field-rules';

export class PostalAddress {
  @IsShortText(200)
  name: string;

  @IsShortText(200)
  street: string;

  @IsShortText(100)
  city: string;

  @IsShortText(20)
  postalCode: string;

  /** ISO 3166-1 alpha-2. */
  @IsString()
  @Length(2, 2)
  country: string;

  @IsOptional()
  @IsShortText(50)
  phone?: string;
}
