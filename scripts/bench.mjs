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

/**
 * A workspace of `count` head-of-ml candidates, each through the whole loop (8 submitted scorecards) from a
 * pool of 40 interviewers, written directly as scorecard files (scoring 10,000 of them through the answers
 * path would take the bench minutes). Ratings come from a fixed-seed generator: candidate level, interviewer
 * lean, noise, and now and then "insufficient evidence".
 */
function generateWorkspace(dir, count, rubric, hash) {
  let state = 20261205;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const interviewers = Array.from({ length: 40 }, (_, i) => ({ name: `Bench Interviewer ${i + 1}`, slug: `bench-interviewer-${i + 1}`, lean: (random() - 0.5) * 1.2 }));
  const q = (v) => JSON.stringify(v);
  for (let c = 0; c < count; c++) {
    const slug = `bench-candidate-${c + 1}`;
    const folder = path.join(dir, 'candidates', slug);
    mkdirSync(path.join(folder, 'scorecards'), { recursive: true });
    writeFileSync(path.join(folder, 'candidate.yaml'), `name: Bench Candidate ${c + 1}\nrole: head-of-ml\ncreated_at: "2026-09-01T09:00:00.000Z"\n`);
    const quality = 1.5 + random() * 2.5;
    rubric.loop.forEach((stage, s) => {
      const who = interviewers[(c * 3 + s * 7) % interviewers.length];
      const start = Date.parse('2026-09-01T09:00:00Z') + (c * 8 + s) * 3_600_000;
      const at = (minutes) => new Date(start + minutes * 60_000).toISOString();
      const ratings = stage.focus.map((d, j) => {
        const value = random() < 0.05 ? 'insufficient' : Math.min(4, Math.max(1, Math.round(quality + who.lean + (random() - 0.5))));
        return `  - dimension: ${d}\n    rating: ${value === 'insufficient' ? 'insufficient' : value}\n    evidence: ${q(`Bench evidence for ${d}: a concrete example with numbers and the outcome.`)}\n    at: ${q(at(5 + j * 5))}\n`;
      });
      const card =
        `format: hirekit-scorecard/1\nrubric:\n  id: head-of-ml\n  version: ${q(rubric.version)}\n  hash: ${hash}\n` +
        `candidate:\n  name: Bench Candidate ${c + 1}\n  slug: ${slug}\ninterviewer:\n  name: ${who.name}\n  slug: ${who.slug}\n` +
        `stage: ${stage.id}\nstatus: submitted\ncreated_at: ${q(at(0))}\nupdated_at: ${q(at(30))}\nsubmitted_at: ${q(at(30))}\n` +
        `ratings:\n${ratings.join('')}flags: []\nrecommendation: ${quality > 2.8 ? 'yes' : 'no'}\nsummary: A generated benchmark scorecard.\naudit: []\n`;
      writeFileSync(path.join(folder, 'scorecards', `${stage.id}--${who.slug}.yaml`), card);
    });
  }
}

const calibrateSizes = [125, 250, 500, 1250];
const calibrateWorkspaces = new Map();
try {
  const shown = JSON.parse(hirekit('show', 'head-of-ml', '--json'));
  for (const count of calibrateSizes) {
    const dir = path.join(work, `calibrate-${count}`);
    generateWorkspace(dir, count, shown.rubric, shown.hash);
    calibrateWorkspaces.set(count, dir);
  }
  cases.push({ name: 'hirekit calibrate --json (1,250 candidates, 10,000 scorecards)', cmd: node, args: [BIN, '-w', calibrateWorkspaces.get(1250), 'calibrate', '--json'], growth: true });
  // Every candidate's folder read once: looked up one by one, this took minutes instead of seconds.
  cases.push({ name: 'hirekit export --what debriefs (1,250 candidates, 10,000 scorecards)', cmd: node, args: [BIN, '-w', calibrateWorkspaces.get(1250), 'export', '--what', 'debriefs'], growth: true });
} catch (error) {
  notes.push(`calibrate cases skipped: ${error.message}`);
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
if (calibrateWorkspaces.size > 0) {
  // Growth: the same command on 1,000 to 10,000 scorecards. CPU time (user + system) is shown beside the wall
  // time because it suffers less when other work shares the machine; peak memory comes from /usr/bin/time.
  const measure = (count) => {
    const args = [node, BIN, '-w', calibrateWorkspaces.get(count), 'calibrate', '--json'];
    const timed = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...args], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const [wall, user, sys, kb] = (timed.stderr ?? '').trim().split('\n').pop().split(' ').map(Number);
    if (timed.status !== 0 || !Number.isFinite(kb)) return undefined;
    return { wall: wall * 1000, cpu: (user + sys) * 1000, mb: kb / 1024 };
  };
  const rounds = Math.max(3, Math.min(ROUNDS, 5));
  const rows = calibrateSizes.map((count) => {
    const runs = Array.from({ length: rounds }, () => measure(count)).filter(Boolean);
    if (runs.length === 0) return undefined;
    return { scorecards: count * 8, wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), mb: Math.max(...runs.map((r) => r.mb)) };
  });
  if (rows.every(Boolean)) {
    console.log(`calibrate --json growth (medians of ${rounds}; goal on 10,000 scorecards: <= 1.5 s wall, <= 200 MB):`);
    for (const r of rows) {
      console.log(`  ${String(r.scorecards).padStart(6)} scorecards  wall ${r.wall.toFixed(0).padStart(6)} ms  cpu ${r.cpu.toFixed(0).padStart(6)} ms (${((r.cpu / r.scorecards) * 1000).toFixed(0)} ms per 1,000)  peak ${r.mb.toFixed(0)} MB`);
    }
  } else {
    notes.push('calibrate growth not measured: /usr/bin/time is missing (apt-get install -y time)');
  }
}
for (const n of notes) console.log(`note: ${n}`);
if (!existsSync(path.join(ROOT, 'dist', 'main.js'))) console.log('note: dist/ is missing; run npm run build');
rmSync(work, { recursive: true, force: true });
