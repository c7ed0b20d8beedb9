// npm run bench: whole-process times of hirekit commands, each beside its goal (issue 17). Start-up-bound
// commands are ratios to `node -e 0` measured in the same run, so the figures compare across machines; work
// that grows with the workspace is in seconds on 1,000 candidates x 8 scorecards. Runs are interleaved (one of
// each case per round) so a busy moment hits every case alike; medians of the rounds are reported, with the
// CPU time (user + system) beside them, which suffers less when other work shares the machine. Two floor
// cases set the same text with pdfkit alone (scripts/bench-floor.cjs): what the PDF goals cannot go below.
//   BENCH_ROUNDS=15 (rounds), BENCH_CANDIDATES=1000 (size of the large workspace)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'hirekit.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SIZE = Number(process.env.BENCH_CANDIDATES ?? 1000);
const node = process.execPath;
const work = mkdtempSync(path.join(tmpdir(), 'hirekit-bench-'));
const demo = path.join(work, 'demo', 'hiring');
const env = { ...process.env, NO_COLOR: '1', HIREKIT_WORKSPACE: demo };
const notes = [];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'main.cjs'))) {
  console.error('bench: dist/ is missing; run npm run build');
  process.exit(1);
}

function hirekit(...args) {
  const result = spawnSync(node, [BIN, ...args], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`hirekit ${args.join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n')[0]}`);
  return result.stdout;
}

function findChromium() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

// The demo: Zoë Łukasz with 8 submitted scorecards from four interviewers, and nine cohort candidates.
hirekit('demo', path.join(work, 'demo'));
const CANDIDATE = 'Zoë Łukasz';
const big = path.join(work, 'big');
const { makeWorkspace } = await import('./make-workspace.mjs');
await makeWorkspace(big, { candidates: SIZE, scorecards: 8 });

// The same content as Markdown, for the floor cases (scripts/bench-floor.cjs).
const markdown = path.join(work, 'markdown');
mkdirSync(path.join(markdown, 'packs'), { recursive: true });
hirekit('debrief', CANDIDATE, '--format', 'md', '--out', path.join(markdown, 'debrief.md'));
hirekit('pack', '--all', '--format', 'md', '--out', `${path.join(markdown, 'packs')}/`);
const packMarkdown = readdirSync(path.join(markdown, 'packs')).map((name) => path.join(markdown, 'packs', name));
const FLOOR = path.join(ROOT, 'scripts', 'bench-floor.cjs');

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'], bare: true },
  { name: 'hirekit --help', args: [BIN, '--help'], goal: { ratio: 1.3 } },
  { name: 'hirekit validate (bundled rubrics)', args: [BIN, 'validate'], goal: { ratio: 3 } },
  { name: 'hirekit debrief -> PDF (demo, 8 scorecards)', args: [BIN, 'debrief', CANDIDATE, '--out', path.join(work, 'debrief.pdf')], goal: { ratio: 5 } },
  { name: 'hirekit pack --all -> PDF (4 roles, handouts)', args: [BIN, 'pack', '--all', '--out', `${path.join(work, 'packs')}/`], goal: { ratio: 10 } },
  // Floors, no goal: pdfkit alone setting the same text as plain paragraphs (see scripts/bench-floor.cjs).
  { name: 'floor: pdfkit alone, the debrief as text', args: [FLOOR, markdown, path.join(markdown, 'debrief.md')], floorOf: 'hirekit debrief -> PDF' },
  { name: 'floor: pdfkit alone, pack --all as text', args: [FLOOR, markdown, ...packMarkdown], floorOf: 'hirekit pack --all' },
  { name: `hirekit status (${SIZE} candidates x 8 scorecards)`, args: [BIN, '-w', big, 'status'], goal: { ms: 2000 } },
  { name: `hirekit compare head-of-ml (${SIZE} candidates)`, args: [BIN, '-w', big, 'compare', 'head-of-ml'], goal: { ms: 5000 } },
  // A debrief per candidate, as compare builds; each folder read once (looked up one by one it took minutes).
  { name: `hirekit export --what debriefs (${SIZE} candidates)`, args: [BIN, '-w', big, 'export', '--what', 'debriefs'], goal: { ms: 5000 } },
];
const chromium = findChromium();
if (chromium) {
  const html = path.join(work, 'debrief.html');
  const profile = path.join(work, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  cases.push({
    name: 'hirekit debrief -> HTML, then Chromium print-to-PDF',
    cmd: 'bash',
    args: [
      '-c',
      `"${node}" "${BIN}" debrief "${CANDIDATE}" --format html --out "${html}" && "${chromium}" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir="${profile}" --no-pdf-header-footer --print-to-pdf="${path.join(work, 'chromium.pdf')}" "file://${html}" 2>/dev/null`,
    ],
    chromium: true,
  });
} else {
  notes.push('Chromium is not installed (apt-get install -y chromium): the HTML print-to-PDF route was not measured.');
}

/** One run: wall ms, and CPU ms and peak RSS MB when /usr/bin/time is there. */
function runOnce(c) {
  const command = c.cmd ?? node;
  const argv = TIME ? [TIME, '-f', '%U %S %M', command, ...c.args] : [command, ...c.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${c.name}: exited ${result.status}: ${result.stderr.trim().split('\n').pop()}`);
  const [user, sys, kb] = TIME ? result.stderr.trim().split('\n').pop().split(' ').map(Number) : [];
  return { wall, cpu: TIME ? (user + sys) * 1000 : undefined, mb: TIME ? kb / 1024 : undefined };
}

const live = [];
for (const c of cases) {
  try {
    runOnce(c); // warms the file cache
    live.push({ ...c, runs: [] });
  } catch (error) {
    notes.push(`skipped ${c.name}: ${error.message}`);
  }
}
for (let round = 0; round < ROUNDS; round++) for (const c of live) c.runs.push(runOnce(c));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const baseline = median(live[0].runs.map((r) => r.wall));
const width = Math.max(...live.map((c) => c.name.length));
const verdict = (ok) => (ok ? 'ok  ' : 'MISS');
let missed = 0;
console.log(`hirekit bench: ${ROUNDS} interleaved rounds, medians; ratio = wall time / wall time of \`node -e 0\` in this run`);
console.log(`${''.padEnd(width)}      wall      cpu   ratio  peak RSS  goal`);
for (const c of live) {
  const wall = median(c.runs.map((r) => r.wall));
  const cpu = TIME ? median(c.runs.map((r) => r.cpu)) : undefined;
  const mb = TIME ? Math.max(...c.runs.map((r) => r.mb)) : undefined;
  let goal = '';
  if (c.goal?.ratio !== undefined) {
    const ok = wall / baseline <= c.goal.ratio;
    missed += ok ? 0 : 1;
    goal = `${verdict(ok)} <= ${c.goal.ratio}x`;
  } else if (c.goal?.ms !== undefined) {
    const ok = wall <= c.goal.ms;
    missed += ok ? 0 : 1;
    goal = `${verdict(ok)} <= ${(c.goal.ms / 1000).toFixed(1)} s`;
  }
  c.wall = wall;
  console.log(
    `${c.name.padEnd(width)}  ${wall.toFixed(0).padStart(6)} ms ${cpu === undefined ? '       ' : `${cpu.toFixed(0).padStart(6)} ms`} ${(wall / baseline).toFixed(2).padStart(6)}x ${mb === undefined ? '        ' : `${mb.toFixed(0).padStart(5)} MB`}  ${goal}`,
  );
}
for (const floor of live.filter((c) => c.floorOf)) {
  const of = live.find((c) => c.name.startsWith(floor.floorOf));
  if (!of?.goal?.ratio) continue;
  const ratio = floor.wall / baseline;
  const reach = ratio <= of.goal.ratio ? 'within' : 'beyond';
  console.log(`${floor.floorOf.replace(/^hirekit /, '')}: pdfkit alone needs ${ratio.toFixed(2)}x for the same text, ${reach} the ${of.goal.ratio}x goal (hirekit ${(of.wall / baseline).toFixed(2)}x)`);
}
const pdf = live.find((c) => c.name.startsWith('hirekit debrief -> PDF'));
const viaChromium = live.find((c) => c.chromium);
if (pdf && viaChromium) {
  const speedup = viaChromium.wall / pdf.wall;
  missed += speedup >= 3 ? 0 : 1;
  console.log(`debrief PDF: hirekit is ${speedup.toFixed(1)}x faster than HTML printed by headless Chromium  ${verdict(speedup >= 3)} >= 3x`);
  const floor = live.find((c) => c.floorOf === 'hirekit debrief -> PDF');
  if (floor) console.log(`  3x would need the PDF in ${(viaChromium.wall / 3).toFixed(0)} ms; pdfkit alone sets the same text in ${floor.wall.toFixed(0)} ms`);
}

// Peak memory of every command on the demo (goal: 150 MB each).
if (TIME) {
  const demoCommands = [
    ['--help'],
    ['validate'],
    ['roles'],
    ['show', 'head-of-ml'],
    ['status'],
    ['debrief', CANDIDATE],
    ['debrief', CANDIDATE, '--out', path.join(work, 'rss-debrief.pdf')],
    ['debrief', CANDIDATE, '--format', 'html', '--out', path.join(work, 'rss-debrief.html')],
    ['compare', 'head-of-ml'],
    ['compare', 'head-of-ml', '--out', path.join(work, 'rss-compare.pdf')],
    ['calibrate'],
    ['export', '--format', 'csv', '--out', path.join(work, 'rss-export.csv')],
    ['pack', 'head-of-ml', '--out', path.join(work, 'rss-pack.pdf')],
    ['pack', '--all', '--out', `${path.join(work, 'rss-packs')}/`],
  ];
  const peaks = [];
  for (const args of demoCommands) {
    try {
      peaks.push({ command: `hirekit ${args.map((a) => (a.startsWith(work) ? path.basename(a) : a)).join(' ')}`, mb: runOnce({ name: args.join(' '), args: [BIN, ...args] }).mb });
    } catch (error) {
      notes.push(`peak memory: ${error.message}`);
    }
  }
  const worst = peaks.reduce((a, b) => (b.mb > a.mb ? b : a), peaks[0]);
  missed += worst.mb <= 150 ? 0 : 1;
  console.log(`peak RSS on the demo, ${peaks.length} commands: highest ${worst.mb.toFixed(0)} MB (${worst.command})  ${verdict(worst.mb <= 150)} <= 150 MB`);
  for (const p of peaks.filter((x) => x.mb > 150)) console.log(`  over: ${p.command} ${p.mb.toFixed(0)} MB`);
} else {
  notes.push('peak memory and CPU time not measured: /usr/bin/time is missing (apt-get install -y time)');
}

// Growth: calibrate on 1,000 to 10,000 scorecards (issue 16's goal).
if (TIME) {
  const sizes = [125, 250, 500, 1250];
  const dirs = new Map();
  for (const count of sizes) {
    const dir = path.join(work, `calibrate-${count}`);
    await makeWorkspace(dir, { candidates: count, scorecards: 8 });
    dirs.set(count, dir);
  }
  const rounds = Math.max(3, Math.min(ROUNDS, 5));
  console.log(`calibrate --json growth (medians of ${rounds}; goal on 10,000 scorecards: <= 1.5 s wall, <= 200 MB):`);
  for (const count of sizes) {
    const runs = Array.from({ length: rounds }, () => runOnce({ name: `calibrate ${count}`, args: [BIN, '-w', dirs.get(count), 'calibrate', '--json'] }));
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    const mb = Math.max(...runs.map((r) => r.mb));
    // The goal is on the largest workspace; the smaller ones show how the time grows.
    const goal = count === sizes.at(-1) ? `  ${verdict(wall <= 1500 && mb <= 200)} <= 1.5 s, <= 200 MB` : '';
    if (goal && !(wall <= 1500 && mb <= 200)) missed += 1;
    console.log(`  ${String(count * 8).padStart(6)} scorecards  wall ${wall.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms (${((cpu / (count * 8)) * 1000).toFixed(0)} ms per 1,000)  peak ${mb.toFixed(0)} MB${goal}`);
  }
}

for (const n of notes) console.log(`note: ${n}`);
console.log(missed === 0 ? 'every goal met' : `${missed} goal${missed === 1 ? '' : 's'} missed`);
rmSync(work, { recursive: true, force: true });
