import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppendFile, DiskQueue } from '../log/disk-queue';

export interface CommittedOffset {
  offset: number;
  metadata: string | null;
}

type OffsetLine = { g: string; t: string; p: number; o: number; m: string | null } | { deletedTopic: string } | { deletedGroup: string };

/**
 * Committed offsets per group. On disk an append-only JSON-lines log (last line wins),
 * compacted at start; a torn last line from a crash is ignored.
 */
export class OffsetStore {
  private readonly offsets = new Map<string, Map<string, Map<number, CommittedOffset>>>();
  private readonly file: AppendFile | null = null;
  private readonly disk: DiskQueue | null = null;

  constructor(dataDir: string | null, syncEachWrite: boolean) {
    if (!dataDir) return;
    const path = join(dataDir, 'committed-offsets.jsonl');
    if (existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const l = JSON.parse(line) as OffsetLine;
          if ('deletedTopic' in l) this.forget(l.deletedTopic);
          else if ('deletedGroup' in l) this.offsets.delete(l.deletedGroup);
          else this.set(l.g, l.t, l.p, { offset: l.o, metadata: l.m });
        } catch {
          // torn tail of an interrupted append
        }
      }
    }
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, this.snapshotLines().join(''));
    renameSync(tmp, path);
    this.file = new AppendFile(path);
    this.disk = new DiskQueue(syncEachWrite);
  }

  private snapshotLines(): string[] {
    const lines: string[] = [];
    for (const [g, topics] of this.offsets) {
      for (const [t, parts] of topics) {
        for (const [p, c] of parts) lines.push(`${JSON.stringify({ g, t, p, o: c.offset, m: c.metadata })}\n`);
      }
    }
    return lines;
  }

  private set(group: string, topic: string, partition: number, value: CommittedOffset): void {
    let topics = this.offsets.get(group);
    if (!topics) this.offsets.set(group, (topics = new Map()));
    let parts = topics.get(topic);
    if (!parts) topics.set(topic, (parts = new Map()));
    parts.set(partition, value);
  }

  get(group: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.offsets.get(group)?.get(topic)?.get(partition);
  }

  /** Everything committed by one group, for describe(). */
  forGroup(group: string): Map<string, Map<number, CommittedOffset>> {
    return this.offsets.get(group) ?? new Map();
  }

  groups(): string[] {
    return [...this.offsets.keys()];
  }

  async commit(group: string, entries: { topic: string; partition: number; offset: number; metadata: string | null }[]): Promise<void> {
    let text = '';
    for (const e of entries) {
      this.set(group, e.topic, e.partition, { offset: e.offset, metadata: e.metadata });
      text += `${JSON.stringify({ g: group, t: e.topic, p: e.partition, o: e.offset, m: e.metadata })}\n`;
    }
    if (this.disk && this.file && text) await this.disk.write(this.file, Buffer.from(text));
  }

  private forget(topic: string): void {
    for (const topics of this.offsets.values()) topics.delete(topic);
  }

  /** Drops every group's offsets for a deleted topic, so a new topic of that name starts clean. */
  async deleteTopic(topic: string): Promise<void> {
    this.forget(topic);
    if (this.disk && this.file) await this.disk.write(this.file, Buffer.from(`${JSON.stringify({ deletedTopic: topic })}\n`));
  }

  async deleteGroup(group: string): Promise<void> {
    this.offsets.delete(group);
    if (this.disk && this.file) await this.disk.write(this.file, Buffer.from(`${JSON.stringify({ deletedGroup: group })}\n`));
  }

  async sync(): Promise<void> {
    if (this.disk && this.file) {
      const file = this.file;
      await this.disk.task(() => file.sync());
    }
  }

  async close(): Promise<void> {
    if (this.disk && this.file) {
      const file = this.file;
      await this.disk.task(() => file.close());
    }
  }
}
