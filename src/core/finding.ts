// A problem found in a document, addressed by its path in the data. The io layer turns the path
// into FILE:LINE:COL; the core never needs to know about files.

export type FindingPath = ReadonlyArray<string | number>;

export interface Finding {
  severity: 'error' | 'warning';
  /** Stable, machine-readable kind, e.g. "unknown-key", "protected-topic". */
  code: string;
  path: FindingPath;
  message: string;
  /** Point at the key of the last path element instead of its value (for unknown keys). */
  locateKey?: boolean;
}
