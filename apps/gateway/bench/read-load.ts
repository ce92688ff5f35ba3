// autocannon ships no type declarations; this is the part of its API the bench uses.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining: number;
  timeout: number;
  requests: Array<{ method: 'GET'; path: string }>;
}) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

export interface ReadRun {
  requestsPerSecond: number;
  requests: number;
  latencyMs: { p50: number; p99: number; max: number; mean: number };
  /** Connection errors and time-outs (autocannon) plus answers other than 200. */
  errors: number;
  non2xx: number;
}

/**
 * `connections` closed-loop clients, each going round `orderIds` with
 * `GET /api/order/{id}.json`, for `durationSeconds`.
 */
export async function driveReads(gatewayUrl: string, orderIds: string[], connections: number, durationSeconds: number): Promise<ReadRun> {
  const result = await autocannon({
    url: gatewayUrl,
    connections,
    duration: durationSeconds,
    pipelining: 1,
    timeout: 15,
    requests: orderIds.map((id) => ({ method: 'GET', path: `/api/order/${encodeURIComponent(id)}.json` })),
  });
  return {
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    requests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, mean: Math.round(result.latency.average * 100) / 100 },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
