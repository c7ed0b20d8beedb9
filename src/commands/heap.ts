// Memory of a long run of PDFs (pack --all): V8 lets the old generation grow to several times what is live
// before collecting it, and drawing a PDF makes garbage fast, so a run of big documents peaked at 160-185 MB
// with about 30 MB live. Growing the heap by 30% at a time keeps the peak near what is live (pack --all about
// 140 MB), for some 10% more time in collections; one document is better off without them.
import { setFlagsFromString } from 'node:v8';

let tight = false;

/**
 * From now on the heap grows by 30% at a time. Call it once the run's modules are loaded: V8 refuses a code
 * cache made under other flags (io/code-cache.ts), so set at start it would cost every module its cache.
 */
export function keepHeapTight(): void {
  if (tight) return;
  tight = true;
  setFlagsFromString('--heap-growing-percent=30');
}
