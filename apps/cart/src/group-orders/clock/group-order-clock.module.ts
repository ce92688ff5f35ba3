import { DynamicModule, Module, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK } from './clock';
import { ControllableClock } from './controllable-clock';
import { SystemClock } from './system-clock';
import { TestClockController } from './test-clock.controller';

export type ClockMode = 'system' | 'controllable';

/**
 * The CLOCK every group-order provider reads. Global, so placement, reads and the timeline all
 * share one instance. Controllable: the stored offset is loaded before anything reads the time,
 * and /test-clock is mounted on the cart's HTTP port.
 */
@Module({})
export class GroupOrderClockModule {
  static register(mode: ClockMode): DynamicModule {
    if (mode !== 'controllable') {
      return { module: GroupOrderClockModule, global: true, providers: [{ provide: CLOCK, useClass: SystemClock }], exports: [CLOCK] };
    }
    const providers: Provider[] = [
      {
        provide: ControllableClock,
        inject: [getDataSourceToken()],
        useFactory: async (dataSource: DataSource) => {
          const clock = new ControllableClock(dataSource);
          await clock.refresh();
          return clock;
        },
      },
      { provide: CLOCK, useExisting: ControllableClock },
    ];
    return { module: GroupOrderClockModule, global: true, controllers: [TestClockController], providers, exports: [CLOCK, ControllableClock] };
  }
}
