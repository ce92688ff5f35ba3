import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const KCAT_PATH = process.env['KCAT_PATH'] ?? '/usr/bin/kcat';

export interface KcatResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

// kcat (librdkafka) is the independent client; its absence is a setup error, never a skip.
export function assertKcatInstalled(): void {
  if (!existsSync(KCAT_PATH)) {
    throw new Error(`kcat not found at ${KCAT_PATH}: install it with "apt-get install -y kcat" (or set KCAT_PATH)`);
  }
}

export function runKcat(args: string[], { input, timeoutMs = 20_000 }: { input?: string; timeoutMs?: number } = {}): Promise<KcatResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(KCAT_PATH, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kcat ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

export async function runKcatOk(args: string[], options?: { input?: string; timeoutMs?: number }): Promise<string> {
  const result = await runKcat(args, options);
  if (result.code !== 0) {
    throw new Error(`kcat ${args.join(' ')} exited with ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return result.stdout;
}
