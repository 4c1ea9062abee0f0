/**
 * Size limits on what the worker may send. The worker's batcher stays below them; the main thread rejects
 * anything larger as a hostile or broken worker.
 */
export const WIRE_LIMITS = {
  /** Largest text of one output batch. */
  maxBatchChars: 1 << 20,
  maxChunksPerBatch: 4096,
  maxTracebackChars: 64 * 1024,
  maxMessageChars: 16 * 1024,
  /** Twice what sandpit_explain.py writes at most (MAX_CHARS). */
  maxExplanationChars: 1200,
  maxTypeNameChars: 256,
  /** A memory snapshot is the interpreter's heap right after start-up (about 31 MiB for Pyodide 314). */
  maxSnapshotBytes: 256 * 1024 * 1024,
} as const;
