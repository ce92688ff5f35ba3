import { readFileSync } from 'node:fs';

/** CPU time and resident memory of one process, from /proc (Linux); undefined elsewhere. */
export interface UsageSample {
  cpuSeconds: number;
  rssMiB: number;
  at: number;
}

// USER_HZ is 100 on every Linux the platform targets.
const CLOCK_TICKS = 100;

export function sampleUsage(pid: number): UsageSample | undefined {
  try {
    // Fields after the command name "(...)": state is 3rd; utime and stime are the 14th and 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const rssKiB = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return { cpuSeconds, rssMiB: Math.round(rssKiB / 102.4) / 10, at: performance.now() };
  } catch {
    return undefined;
  }
}

/** Average CPU (percent of one core) between two samples, and the RSS at the end. */
export function usageBetween(before: UsageSample | undefined, after: UsageSample | undefined): { cpuPercent: number; rssMiB: number } | undefined {
  if (!before || !after) return undefined;
  const seconds = (after.at - before.at) / 1000;
  return { cpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 1000) / 10, rssMiB: after.rssMiB };
}
