// class-transformer's @Type reads design-time metadata: load the polyfill before any contract class.
import 'reflect-metadata';
import { IsInt, IsISO4217CurrencyCode, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

type FieldDecorator = (target: object, propertyKey: string) => void;

function compose(...decorators: FieldDecorator[]): FieldDecorator {
  return (target, propertyKey) => decorators.forEach((decorate) => decorate(target, propertyKey));
}

/** A non-negative money amount in integer minor units (cents), safe for JS numbers. */
export function IsMinorAmount(): FieldDecorator {
  return compose(IsInt(), Min(0), Max(Number.MAX_SAFE_INTEGER));
}

/** A signed money amount in minor units (adjustments, discounts). */
export function IsSignedMinorAmount(): FieldDecorator {
  return compose(IsInt(), Min(Number.MIN_SAFE_INTEGER), Max(Number.MAX_SAFE_INTEGER));
}

/** ISO 4217 alphabetic currency code such as 'EUR'. */
export function IsCurrency(): FieldDecorator {
  return compose(IsString(), IsISO4217CurrencyCode());
}

/** An identifier issued by one of our services or a client (order ids come from several APIs). */
export function IsIdentifier(): FieldDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(100));
}

/** Free text with a length cap so one event cannot carry a novel. */
export function IsShortText(max = 500): FieldDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(max));
}
