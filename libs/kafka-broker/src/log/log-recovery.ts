import { readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { scanBatches } from '../protocol/record-batch';
import { AppendFile } from './disk-queue';
import { Segment } from './segment';

export interface RecoveryLog {
  warn(msg: string, ctx?: object): void;
}

/**
 * Rebuilds a partition's segments from its files. The first bad batch (torn write, CRC
 * mismatch) ends the log: the file is truncated there and any later segment removed,
 * leaving exactly the prefix that was written whole.
 */
export function recoverSegments(dir: string, logger: RecoveryLog): Segment[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d{20}\.log$/.test(n));
  } catch {
    return [];
  }
  names.sort();
  const segments: Segment[] = [];
  for (let i = 0; i < names.length; i++) {
    const path = join(dir, names[i]);
    const baseOffset = Number(names[i].slice(0, 20));
    const content = readFileSync(path);
    const scan = scanBatches(content, { verifyCrc: true });
    const segment = new Segment(baseOffset, new AppendFile(path));
    for (const batch of scan.batches) {
      segment.add({
        baseOffset: batch.baseOffset,
        lastOffset: batch.baseOffset + batch.lastOffsetDelta,
        maxTimestamp: batch.maxTimestamp,
        data: batch.data,
      });
    }
    if (i < names.length - 1 && !scan.error) segment.evict();
    segments.push(segment);
    if (scan.error) {
      logger.warn('truncating damaged log tail', { path, error: scan.error, keptBytes: scan.validBytes, fileBytes: content.length });
      truncateSync(path, scan.validBytes);
      for (const later of names.slice(i + 1)) rmSync(join(dir, later), { force: true });
      break;
    }
  }
  return segments;
}
