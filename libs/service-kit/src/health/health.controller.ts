import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READINESS_CHECKS, type ReadinessCheck, type ReadinessResult, runReadinessChecks } from './readiness-check';

// Short enough that a Kubernetes probe (default 1 s timeout) still gets an answer soon after.
const CHECK_TIMEOUT_MS = 1500;

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** Liveness: the process answers; dependencies are not consulted. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 when every dependency answers, else 503 with which one failed. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessResult> {
    const result = await runReadinessChecks(this.checks, CHECK_TIMEOUT_MS);
    reply.status(result.status === 'ok' ? 200 : 503);
    return result;
  }
}
