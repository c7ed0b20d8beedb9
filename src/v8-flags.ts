// The V8 settings hirekit runs with: set by main.ts before any command loads, and by the build's code-cache run
// (scripts/code-cache.mjs), because V8 refuses a code cache made under other flags (io/code-cache.ts).
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS: readonly string[] = [
  // V8 lets the old generation grow to several times what is live before collecting it, and drawing a PDF
  // makes garbage fast: pack --all peaked at 160-185 MB with about 30 MB live. Growing the heap by 30% at a
  // time keeps the peak near what is live (pack --all 136-144 MB), at no cost `npm run bench` can see.
  '--heap-growing-percent=30',
];

export function setV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
