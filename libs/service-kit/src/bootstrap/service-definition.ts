import type { DynamicModule, Type } from '@nestjs/common';
import type { EnvSource } from '../config/load-config';
import { loadConfig } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config';
import { serviceDefaults } from '../config/service-defaults';
import { type RunningService, type ServiceAppOptions, startServiceApp } from './service-app';

/** Everything needed to run one service; main.ts and in-process tests share it. */
export interface ServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  name: string;
  configClass: new () => C;
  /** Builds the root module from the validated config. */
  module: (config: C) => Type<unknown> | DynamicModule;
  consumesKafka?: boolean;
  configure?: ServiceAppOptions['configure'];
}

export type StartedService<C extends ServiceConfig = ServiceConfig> = RunningService & { config: C };

/** Validates `env` (with the service's defaults) and starts the service in this process. */
export async function startService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: EnvSource = process.env,
): Promise<StartedService<C>> {
  const config = loadConfig(definition.configClass, env, serviceDefaults(definition.name));
  const running = await startServiceApp({
    name: definition.name,
    module: definition.module(config),
    config,
    consumesKafka: definition.consumesKafka,
    configure: definition.configure,
  });
  return { ...running, config };
}
