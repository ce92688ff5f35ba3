import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ControllableClock } from './controllable-clock';

// A year: enough to walk any group through its timeline, small enough to stay a safe integer.
const MAX_MINUTES = 525_600;

/**
 * Moves the controllable clock on the cart's own HTTP port (never the gateway): registered
 * only with GROUP_ORDER_CLOCK=controllable, which configuration refuses in production.
 */
@Controller('test-clock')
export class TestClockController {
  constructor(@Inject(ControllableClock) private readonly clock: ControllableClock) {}

  @Get()
  async current(): Promise<{ now: string }> {
    return { now: (await this.clock.refresh()).toISOString() };
  }

  /** `{"minutes": 31}` moves the time 31 minutes forward for every cart instance. */
  @Post('advance')
  @HttpCode(200)
  async advance(@Body() body: unknown): Promise<{ now: string }> {
    const minutes = (body as { minutes?: unknown } | null | undefined)?.minutes;
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      throw new BadRequestException({ errorKey: 'invalidRequest', message: `minutes must be a number between 0 and ${MAX_MINUTES}` });
    }
    return { now: (await this.clock.advance(Math.round(minutes * 60_000))).toISOString() };
  }
}
