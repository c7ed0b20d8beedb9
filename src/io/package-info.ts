// hirekit's own package.json, read from two folders up: src/io, dist/io and the bundle in dist/bundle all
// sit at that depth (scripts/bundle.mjs keeps it so). Read as a file, not require()d: start-up then never
// needs the CommonJS loader for it.
import { readFileSync } from 'node:fs';

export const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
