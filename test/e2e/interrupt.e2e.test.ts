// Ctrl-C outside a prompt: a SIGINT while hirekit writes files ends it with one line and exit 130, and
// leaves only whole files (no half-written PDF, no temp file beside them).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

describe('Ctrl-C while files are written', () => {
  it('pack --all stops with exit 130 and one line, leaving whole PDFs only', async () => {
    const { dir, cleanup } = tempDir('hirekit-interrupt-');
    temps.push(cleanup);
    const out = path.join(dir, 'packs');
    const child = spawn(process.execPath, [BIN, 'pack', '--all', '--out', `${out}/`], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt once the first pack is on disk, while the others are still being made.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.pdf')))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await exited;

    expect(code).toBe(130);
    expect(stderr.trim().split('\n').pop()).toBe('hirekit: interrupted; nothing is half-written, and everything saved before Ctrl-C is kept');
    expect(stderr).not.toMatch(/\n\s+at /);
    const files = readdirSync(out);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(path.join(out, file)).subarray(-6).toString('latin1'), file).toMatch(/%%EOF\s*$/);
  });
});
