import { readFileSync } from 'node:fs';
import { writeJsonFile } from '../demo/demo-file';
import { ServiceStatus } from '../services/supervisor';
import { isProcessAlive } from './pid-file';

/** .data/launcher-status.json: live process ids, for tools and tests (demo.json stays free of them). */
export interface LauncherStatus {
  version: 1;
  launcherPid: number;
  phase: 'starting' | 'ready' | 'stopping';
  updatedAt: string;
  services: Record<string, { pid?: number; port: number; state: string; restarts: number; entry: string }>;
}

export function writeStatusFile(
  path: string,
  phase: LauncherStatus['phase'],
  services: ServiceStatus[],
  details: Record<string, { port: number; entry: string }>,
): void {
  const status: LauncherStatus = {
    version: 1,
    launcherPid: process.pid,
    phase,
    updatedAt: new Date().toISOString(),
    services: Object.fromEntries(
      services.map((service) => [service.name, { pid: service.pid, state: service.state, restarts: service.restarts, ...details[service.name] }]),
    ),
  };
  writeJsonFile(path, status);
}

export function readStatusFile(path: string): LauncherStatus | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LauncherStatus;
  } catch {
    return undefined;
  }
}

/**
 * Service processes a killed launcher left behind (they would hold the ports). Only pids whose
 * command line still runs the recorded entry file are returned, so a recycled pid is never touched.
 */
export function orphanedServicePids(status: LauncherStatus | undefined): number[] {
  if (!status || isProcessAlive(status.launcherPid)) return [];
  return Object.values(status.services)
    .filter((service): service is typeof service & { pid: number } => typeof service.pid === 'number' && isProcessAlive(service.pid))
    .filter((service) => commandLine(service.pid).includes(service.entry))
    .map((service) => service.pid);
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
