import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigValidationError } from './config-validation.error';

export type EnvSource = Record<string, string | undefined>;

/**
 * Builds a typed, validated config object from environment variables.
 * `defaults` are raw strings (as if they came from the environment) so they go through the
 * same conversion and validation as real values. Empty strings count as "not set".
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: EnvSource = process.env,
  defaults: EnvSource = {},
): T {
  const raw: EnvSource = {};
  for (const source of [defaults, env]) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
    }
  }
  const instance = plainToInstance(configClass, raw, { enableImplicitConversion: true });
  const errors = validateSync(instance);
  if (errors.length > 0) throw new ConfigValidationError(errors.flatMap(describeError));
  return instance;
}

// A missing value fails every rule; report only "is required" then, one line per setting.
const PRESENCE_RULES = ['isNotEmpty', 'isDefined'];

function describeError(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  const presence = PRESENCE_RULES.find((rule) => rule in constraints);
  const message = presence ? constraints[presence] : Object.values(constraints)[0];
  const own = message ? [`${error.property} ${message}`] : [];
  return [...own, ...(error.children ?? []).flatMap(describeError)];
}
