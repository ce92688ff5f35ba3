import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogConfig } from './log-config';
import { recoverSegments, type RecoveryLog } from './log-recovery';
import { PartitionLog } from './partition-log';

export interface Topic {
  name: string;
  partitions: PartitionLog[];
}

const LEGAL_TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;

export function isValidTopicName(name: string): boolean {
  return LEGAL_TOPIC.test(name) && name !== '.' && name !== '..';
}

/**
 * All topics of the broker. With a data directory each topic is a folder holding
 * topic.json and one folder per partition; topic create/delete are rare admin operations,
 * so they use synchronous file calls and are durable when they return.
 */
export class TopicStore {
  private readonly topics = new Map<string, Topic>();
  private readonly topicsDir: string | null;
  private readonly trashDir: string | null;

  constructor(
    dataDir: string | null,
    private readonly config: LogConfig,
    private readonly logger: RecoveryLog,
  ) {
    this.topicsDir = dataDir ? join(dataDir, 'topics') : null;
    this.trashDir = dataDir ? join(dataDir, 'trash') : null;
    if (this.topicsDir && this.trashDir) {
      mkdirSync(this.topicsDir, { recursive: true });
      rmSync(this.trashDir, { recursive: true, force: true });
      mkdirSync(this.trashDir, { recursive: true });
      this.recover(this.topicsDir);
    }
  }

  private recover(topicsDir: string): void {
    for (const name of readdirSync(topicsDir)) {
      const metaPath = join(topicsDir, name, 'topic.json');
      if (!existsSync(metaPath)) continue;
      let partitions: number;
      try {
        partitions = (JSON.parse(readFileSync(metaPath, 'utf8')) as { partitions: number }).partitions;
      } catch (err) {
        this.logger.warn('skipping unreadable topic metadata', { path: metaPath, error: String(err) });
        continue;
      }
      const logs: PartitionLog[] = [];
      for (let p = 0; p < partitions; p++) {
        const dir = join(topicsDir, name, String(p));
        logs.push(new PartitionLog(name, p, this.config, dir, recoverSegments(dir, this.logger)));
      }
      this.topics.set(name, { name, partitions: logs });
    }
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  partition(name: string, index: number): PartitionLog | undefined {
    return this.topics.get(name)?.partitions[index];
  }

  list(): Topic[] {
    return [...this.topics.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Returns false when the topic already exists. */
  create(name: string, partitions: number): boolean {
    if (this.topics.has(name)) return false;
    const dir = this.topicsDir ? join(this.topicsDir, name) : null;
    const logs: PartitionLog[] = [];
    for (let p = 0; p < partitions; p++) {
      logs.push(new PartitionLog(name, p, this.config, dir ? join(dir, String(p)) : null));
    }
    if (dir) {
      mkdirSync(dir, { recursive: true });
      this.writeMeta(dir, name, partitions);
    }
    this.topics.set(name, { name, partitions: logs });
    return true;
  }

  /** Grows a topic to `count` partitions (never shrinks). */
  addPartitions(name: string, count: number): void {
    const topic = this.topics.get(name);
    if (!topic || count <= topic.partitions.length) return;
    const dir = this.topicsDir ? join(this.topicsDir, name) : null;
    for (let p = topic.partitions.length; p < count; p++) {
      topic.partitions.push(new PartitionLog(name, p, this.config, dir ? join(dir, String(p)) : null));
    }
    if (dir) this.writeMeta(dir, name, count);
  }

  private writeMeta(dir: string, name: string, partitions: number): void {
    const tmp = join(dir, 'topic.json.tmp');
    writeFileSync(tmp, JSON.stringify({ name, partitions }));
    renameSync(tmp, join(dir, 'topic.json'));
  }

  /** Returns false when there is no such topic. */
  async delete(name: string): Promise<boolean> {
    const topic = this.topics.get(name);
    if (!topic) return false;
    this.topics.delete(name);
    if (this.topicsDir && this.trashDir) {
      // Move aside first: a topic of the same name may be created before removal ends.
      const trash = join(this.trashDir, `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
      renameSync(join(this.topicsDir, name), trash);
      await Promise.all(topic.partitions.map((p) => p.close()));
      await rm(trash, { recursive: true, force: true });
    } else {
      await Promise.all(topic.partitions.map((p) => p.close()));
    }
    return true;
  }

  enforceRetention(now: number): void {
    for (const topic of this.topics.values()) {
      for (const log of topic.partitions) log.enforceRetention(now);
    }
  }

  async sync(): Promise<void> {
    await Promise.all([...this.topics.values()].flatMap((t) => t.partitions.map((p) => p.sync())));
  }

  async close(): Promise<void> {
    await Promise.all([...this.topics.values()].flatMap((t) => t.partitions.map((p) => p.close())));
  }
}
