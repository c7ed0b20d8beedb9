// npm run bench: whole-process times of hirekit commands as ratios to `node -e 0`, measured in the same
// run, so the numbers compare across machines. Runs are interleaved (one of each case per round) so a
// busy moment on the machine hits every case alike; the median of the rounds is reported.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'hirekit.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const node = process.execPath;
const work = mkdtempSync(path.join(tmpdir(), 'hirekit-bench-'));
const env = { ...process.env, NO_COLOR: '1', HIREKIT_WORKSPACE: path.join(work, 'hiring') };

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${[cmd, ...args].join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n')[0]}`);
  }
  return result.stdout;
}

function hirekit(...args) {
  return run(node, [BIN, ...args]);
}

function findChromium() {
  for (const candidate of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [candidate], { encoding: 'utf8' }).trim();
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

/** A candidate with six submitted scorecards, made through the real --answers path. */
function prepareDebriefWorkspace() {
  hirekit('demo', path.join(work, 'demo'));
  const demoWorkspace = path.join(work, 'demo', 'hiring');
  env.HIREKIT_WORKSPACE = demoWorkspace;
  const rubric = JSON.parse(hirekit('show', 'head-of-ml', '--json')).rubric;
  const stages = rubric.loop;
  let made = 0;
  for (let i = 0; made < 6 && i < stages.length * 3; i++) {
    const stage = stages[i % stages.length];
    const answers = {
      ratings: Object.fromEntries(
        stage.focus.map((d, j) => [d, { rating: ((i + j) % 4) + 1, evidence: `Bench interviewer ${i} heard a concrete example for ${d}, with numbers and the outcome.` }]),
      ),
      flags: {},
      recommendation: i % 2 === 0 ? 'yes' : 'no',
      summary: 'A benchmark scorecard written through the answers-file path.',
    };
    const file = path.join(work, `answers-${i}.yaml`);
    writeFileSync(file, JSON.stringify(answers));
    hirekit('score', 'head-of-ml', '--candidate', 'Bench Candidate', '--stage', stage.id, '--interviewer', `Bench Interviewer ${i}`, '--answers', file);
    made++;
  }
  return 'Bench Candidate';
}

const cases = [{ name: 'node -e 0 (baseline)', cmd: node, args: ['-e', '0'] }];
cases.push({ name: 'hirekit --help', cmd: node, args: [BIN, '--help'] });
cases.push({ name: 'hirekit validate (bundled rubrics)', cmd: node, args: [BIN, 'validate'] });

const notes = [];
try {
  const candidate = prepareDebriefWorkspace();
  const pdf = path.join(work, 'debrief.pdf');
  cases.push({ name: 'hirekit debrief -> PDF (6 scorecards)', cmd: node, args: [BIN, 'debrief', candidate, '--out', pdf] });
  const chromium = findChromium();
  if (chromium) {
    const html = path.join(work, 'debrief.html');
    hirekit('debrief', candidate, '--format', 'html', '--out', html);
    const profile = path.join(work, 'chromium-profile');
    mkdirSync(profile, { recursive: true });
    cases.push({
      name: 'hirekit debrief -> HTML, then Chromium print-to-PDF',
      cmd: 'bash',
      args: [
        '-c',
        `"${node}" "${BIN}" debrief "${candidate}" --format html --out "${html}" && "${chromium}" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir="${profile}" --no-pdf-header-footer --print-to-pdf="${path.join(work, 'chromium.pdf')}" "file://${html}" 2>/dev/null`,
      ],
    });
  } else {
    notes.push('Chromium is not installed (apt-get install -y chromium): the print-to-PDF route was not measured.');
  }
} catch (error) {
  notes.push(`debrief cases skipped: ${error.message}`);
}
cases.push({ name: 'hirekit pack --all -> PDF', cmd: node, args: [BIN, 'pack', '--all', '--out', path.join(work, 'packs')] });
// Work that grows with the workspace must grow linearly: status over 1,000 candidates x 8 scorecards.
try {
  const big = path.join(work, 'big');
  const { makeWorkspace } = await import('./make-workspace.mjs');
  const size = Number(process.env.BENCH_CANDIDATES ?? 1000);
  await makeWorkspace(big, { candidates: size, scorecards: 8 });
  cases.push({ name: `hirekit status (${size} candidates x 8 scorecards)`, cmd: node, args: [BIN, '--workspace', big, 'status'] });
} catch (error) {
  notes.push(`status at scale skipped: ${error.message}`);
}

function timeOnce(c) {
  const started = process.hrtime.bigint();
  const result = spawnSync(c.cmd, c.args, { cwd: work, env, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${c.name}: exited ${result.status}`);
  return ms;
}

const live = [];
for (const c of cases) {
  try {
    timeOnce(c); // warm the file cache
    live.push({ ...c, times: [] });
  } catch (error) {
    notes.push(`skipped ${c.name}: ${error.message}`);
  }
}
for (let round = 0; round < ROUNDS; round++) for (const c of live) c.times.push(timeOnce(c));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const baseline = median(live[0].times);
const width = Math.max(...live.map((c) => c.name.length));
console.log(`hirekit bench: ${ROUNDS} interleaved rounds, medians; ratio = time / time of \`node -e 0\` in this run`);
for (const c of live) {
  const m = median(c.times);
  console.log(`${c.name.padEnd(width)}  ${m.toFixed(1).padStart(8)} ms  ${(m / baseline).toFixed(2).padStart(6)}x`);
}
for (const n of notes) console.log(`note: ${n}`);
if (!existsSync(path.join(ROOT, 'dist', 'main.js'))) console.log('note: dist/ is missing; run npm run build');
rmSync(work, { recursive: true, force: true });
