export interface LogConfig {
  /** Roll to a new segment once the active one reaches this size. */
  segmentBytes: number;
  retentionBytes: number;
  retentionMs: number;
  /** fsync before acknowledging each write (else an interval flusher syncs). */
  syncEachWrite: boolean;
}
