import { promises as fsp } from 'node:fs';

/**
 * An append-only file opened on first write; tracks whether it has unsynced data. Reads use
 * their own handle, so a segment stays readable after its writer is closed on roll.
 */
export class AppendFile {
  private handle: Promise<fsp.FileHandle> | null = null;
  private readHandle: Promise<fsp.FileHandle> | null = null;
  private dirty = false;
  private closed = false;
  private removed = false;

  constructor(readonly path: string) {}

  private open(): Promise<fsp.FileHandle> {
    if (this.closed) throw new Error(`file closed: ${this.path}`);
    if (!this.handle) {
      const opening = fsp.open(this.path, 'a');
      // A failed open is retried by the next caller rather than remembered.
      opening.catch(() => {
        if (this.handle === opening) this.handle = null;
      });
      this.handle = opening;
    }
    return this.handle;
  }

  async touch(): Promise<void> {
    await this.open();
  }

  async writev(chunks: Buffer[]): Promise<void> {
    const fh = await this.open();
    let total = 0;
    for (const c of chunks) total += c.length;
    let written = (await fh.writev(chunks)).bytesWritten;
    // writev may write partially; finish the tail before acknowledging anything.
    if (written < total) {
      const all = Buffer.concat(chunks, total);
      while (written < total) written += (await fh.write(all, written, total - written)).bytesWritten;
    }
    this.dirty = true;
  }

  async readAt(position: number, length: number): Promise<Buffer> {
    if (this.removed) throw new Error(`file removed: ${this.path}`);
    if (!this.readHandle) {
      const opening = fsp.open(this.path, 'r');
      opening.catch(() => {
        if (this.readHandle === opening) this.readHandle = null;
      });
      this.readHandle = opening;
    }
    const fh = await this.readHandle;
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await fh.read(out, done, length - done, position + done);
      if (bytesRead === 0) throw new Error(`short read of ${this.path} at ${position + done}`);
      done += bytesRead;
    }
    return out;
  }

  async sync(): Promise<void> {
    if (!this.dirty || !this.handle) return;
    this.dirty = false;
    await (await this.handle).datasync();
  }

  /** Closes writer and reader. */
  async closeAll(): Promise<void> {
    await this.close();
    await this.closeReader();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const handle = this.handle;
    this.handle = null;
    const fh = handle ? await handle.catch(() => null) : null;
    if (fh) {
      if (this.dirty) await fh.datasync();
      await fh.close();
    }
  }

  private async closeReader(): Promise<void> {
    const handle = this.readHandle;
    this.readHandle = null;
    const fh = handle ? await handle.catch(() => null) : null;
    await fh?.close();
  }

  async remove(): Promise<void> {
    this.removed = true;
    await this.close();
    await this.closeReader();
    await fsp.rm(this.path, { force: true });
  }
}

interface PendingWrite {
  file: AppendFile;
  data: Buffer;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Serializes one log's disk work. Writes that arrive while a write is in flight are
 * coalesced into one writev per file, so a busy partition costs one syscall per round,
 * not per batch. With syncEachWrite the data is fsynced before the callers are released.
 */
export class DiskQueue {
  private pending: PendingWrite[] = [];
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(private readonly syncEachWrite: boolean) {}

  write(file: AppendFile, data: Buffer): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ file, data, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.chain = this.chain.then(() => this.flushPending());
      }
    });
  }

  /** Runs after every write queued before it. */
  task<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.chain.then(fn);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async flushPending(): Promise<void> {
    this.scheduled = false;
    const items = this.pending;
    this.pending = [];
    let i = 0;
    while (i < items.length) {
      const file = items[i].file;
      let j = i;
      while (j < items.length && items[j].file === file) j++;
      const group = items.slice(i, j);
      try {
        await file.writev(group.map((g) => g.data));
        if (this.syncEachWrite) await file.sync();
        for (const g of group) g.resolve();
      } catch (err) {
        for (const g of group) g.reject(err);
      }
      i = j;
    }
  }
}
