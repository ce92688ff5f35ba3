import { getContainerRuntimeClient } from 'testcontainers';

let probe: Promise<boolean> | undefined;

/**
 * True when a container runtime answers within `timeoutMs`. testcontainers throws fast when no
 * runtime exists but hangs forever on a socket that accepts and never answers, hence the race.
 * Set TESTCONTAINERS_DISABLED=1 to skip the probe.
 */
export function containerRuntimeAvailable(timeoutMs = 3000): Promise<boolean> {
  if (process.env['TESTCONTAINERS_DISABLED'] === '1') return Promise.resolve(false);
  probe ??= new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    getContainerRuntimeClient().then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
  return probe;
}
