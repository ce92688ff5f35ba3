import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MetricsService } from './metrics.service';

const startTimes = new WeakMap<FastifyRequest, bigint>();

/** Observes every HTTP request (including 404s and errors) in the duration histogram. */
export function registerHttpMetricsHooks(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    startTimes.set(request, process.hrtime.bigint());
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const start = startTimes.get(request);
    if (start !== undefined) {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      // The route pattern, not the raw URL, keeps label cardinality bounded.
      const route = request.routeOptions?.url ?? 'unmatched';
      metrics.httpRequestDuration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        seconds,
      );
    }
    done();
  });
}
