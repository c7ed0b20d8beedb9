// npm run fuzz (not in CI): hostile rubrics, answers files and names thrown at hirekit's readers and writer.
// Counts, per target: cases, accepted, refused, crashes (anything but a one-line DataError/UsageError, i.e.
// an "internal error"), hangs (a case taking over HANG_MS, or a stuck worker), and accepted-invalid inputs
// (accepted, yet breaking an invariant the rest of hirekit relies on). Failing cases are saved for replay.
//   FUZZ_CASES=3000 FUZZ_SEED=1 npm run fuzz
// "hangs" counts cases over HANG_MS: on a loaded machine rerun a reported file alone before believing it.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const HANG_MS = 2000;
const TARGETS = ['rubric', 'answers', 'names'];

/** Runs one target in a worker; a worker silent for 10 s is stuck: it is stopped and its case counted as a hang. */
async function runTarget(target, out) {
  const total = { target, cases: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0, acceptedInvalid: 0, slowestMs: 0, findings: [] };
  let next = 0;
  while (next < CASES) {
    const from = next;
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { target, from, to: CASES, out } });
    await new Promise((resolve) => {
      let timer;
      // Loading hirekit in a fresh worker on a busy machine can take long: the first wait is a minute.
      const arm = (ms = 10_000) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          total.hangs++;
          total.cases++;
          total.findings.push({ kind: 'hang', target, file: path.join(out, `${target}-${next}.yaml`), detail: 'no answer in 10 s' });
          next++;
          void worker.terminate();
        }, ms);
      };
      arm(60_000);
      worker.on('message', (m) => {
        arm();
        if (m.ready) return;
        next = m.i + 1;
        total.cases++;
        total[m.outcome]++;
        total.slowestMs = Math.max(total.slowestMs, Math.round(m.ms));
        if (m.ms > HANG_MS) {
          total.hangs++;
          total.findings.push({ kind: 'slow', target, file: m.file, detail: `${Math.round(m.ms)} ms` });
        }
        if (m.outcome === 'crashes' || m.outcome === 'acceptedInvalid') total.findings.push({ kind: m.outcome, target, file: m.file, detail: m.detail });
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        if (next === from) next++; // died on its first case: skip it
        resolve();
      });
      worker.on('error', (error) => {
        total.crashes++;
        total.findings.push({ kind: 'crashes', target, file: path.join(out, `${target}-${next}.yaml`), detail: String(error) });
      });
    });
  }
  return total;
}

// ---- inside the worker -------------------------------------------------------------------------------

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  '\u001b]0;pwned\u0007', '\u001b[2J', '\u202e', '\u2066', '\u0000', '\u0085', '\t', '\r', '\r\n', '\u200b', '\ufeff',
  '0o17', '1e3', 'yes', 'no', 'on', 'null', '~', '2026-01-01', '0x1F', '.inf', '.nan', '0b101', '+12', '1_000', '12:30',
  ': ', ' #', '&a ', '*a', '*b', '!!binary ', '!!js/function ', '!<tag:x> ', '? ', '- ', '[', ']', '{', '}', '"', "'", '|', '>', '%YAML 1.1\n---\n',
  '<<: *a', 'a'.repeat(5000), '😀', '张伟', 'Zoë', '\\', '---', '...', '\u00a0',
];

function mutateText(text, r) {
  const lines = text.split('\n');
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const steps = 1 + Math.floor(r() * 4);
  for (let s = 0; s < steps; s++) {
    const i = Math.floor(r() * lines.length);
    switch (Math.floor(r() * 9)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, lines[i] ?? ''); break;
      case 2: { const l = lines[i] ?? ''; const at = Math.floor(r() * (l.length + 1)); lines[i] = l.slice(0, at) + pick(NASTY) + l.slice(at); break; }
      case 3: lines[i] = `  ${lines[i] ?? ''}`; break;
      case 4: lines[i] = (lines[i] ?? '').replace(/^ {2}/, ''); break;
      case 5: { const l = lines[i] ?? ''; lines[i] = l.replace(/: .*/, `: ${pick(NASTY)}`); break; }
      case 6: lines.splice(i, 0, `${pick(['x', 'weight', 'id', 'rating', 'dimensions', 'loop'])}: ${pick(NASTY)}`); break;
      case 7: lines.length = Math.max(1, Math.floor(r() * lines.length)); break;
      default: { const j = Math.floor(r() * lines.length); [lines[i], lines[j]] = [lines[j], lines[i]]; }
    }
  }
  return lines.join('\n');
}

function mutateData(value, r, depth = 0) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  if (r() < 0.08) return pick([null, 0, -1, 1.5, 1e308, '', pick(NASTY), [], {}, true, 'x'.repeat(100_000).slice(0, Math.floor(r() * 3000))]);
  if (Array.isArray(value)) {
    const out = value.map((v) => mutateData(v, r, depth + 1));
    if (r() < 0.1 && out.length) out.push(out[Math.floor(r() * out.length)]); // duplicate (ids!)
    if (r() < 0.1) out.splice(Math.floor(r() * out.length), 1);
    return out;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (r() > 0.03) out[k] = mutateData(v, r, depth + 1);
    if (r() < 0.05) out[pick(['extra', 'wieght', 'anchor', 'Id'])] = pick(NASTY);
    return out;
  }
  if (typeof value === 'string' && r() < 0.1) return value + pick(NASTY);
  if (typeof value === 'number' && r() < 0.1) return pick([0, -value, value * 1000, 0.5, Number.NaN]);
  return value;
}

async function work({ target, from, to, out }) {
  const dist = (f) => import(pathToFileURL(path.join(ROOT, 'dist', f)).href);
  const [{ loadRubricFile, findRubric }, { readAnswers, applyAnswers }, scoring, { Scorecard }, textSafety, { scorecardYaml }, YAML, errors] = await Promise.all([
    dist('io/rubrics.js'), dist('io/answers.js'), dist('core/scoring.js'), dist('core/scorecard.js'), dist('core/text-safety.js'), dist('io/scorecard-store.js'), import('yaml'), dist('errors.js'),
  ]);
  const seeds = {
    rubric: ['rubrics/head-of-ml.yaml', 'rubrics/ml-scientist.yaml', 'test/fixtures/rubrics/data-analyst.yaml'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')),
    answers: [readFileSync(path.join(ROOT, 'test/fixtures/answers/technical-complete.yaml'), 'utf8')],
  };
  const { rubric: analyst } = await findRubric('data-analyst', { rubrics: [path.join(ROOT, 'test/fixtures/rubrics')], env: {} });
  const plan = scoring.planFor(analyst, 'technical');
  mkdirSync(out, { recursive: true });
  parentPort.postMessage({ ready: true });
  const oneLine = (e) => (e instanceof errors.DataError || e instanceof errors.UsageError) && !e.message.includes('\n');
  const strings = (v, acc = []) => {
    if (typeof v === 'string') acc.push(v);
    else if (Array.isArray(v)) v.forEach((x) => strings(x, acc));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (acc.push(k), strings(x, acc)));
    return acc;
  };

  for (let i = from; i < to; i++) {
    const r = rng(SEED * 1_000_003 + i * 7919 + TARGETS.indexOf(target));
    const file = path.join(out, `${target}-${i}.yaml`);
    let outcome = 'refused';
    let detail = '';
    const t0 = performance.now();
    try {
      if (target === 'rubric') {
        const seed = seeds.rubric[Math.floor(r() * seeds.rubric.length)];
        const text = r() < 0.5 ? mutateText(seed, r) : YAML.stringify(mutateData(YAML.parse(seed), r));
        writeFileSync(file, text);
        const report = await loadRubricFile(file);
        if (report.loaded) {
          outcome = 'accepted';
          const rb = report.loaded.rubric;
          const ids = new Set(rb.dimensions.map((d) => d.id));
          const unsafe = strings(rb).find((s) => textSafety.unsafeCharacters(s));
          const badFocus = rb.loop.flatMap((s) => s.focus).find((d) => !ids.has(d));
          const dupDim = rb.dimensions.length !== ids.size;
          const plans = rb.loop.map((s) => scoring.planFor(rb, s.id));
          if (unsafe !== undefined) detail = `accepted text with ${textSafety.unsafeCharacters(unsafe)}`;
          else if (badFocus) detail = `loop focuses on unknown dimension ${badFocus}`;
          else if (dupDim) detail = 'duplicate dimension ids accepted';
          else if (plans.some((p) => !p)) detail = 'a loop stage has no plan';
          if (detail) outcome = 'acceptedInvalid';
        } else if (report.errors.length === 0) {
          outcome = 'acceptedInvalid';
          detail = 'refused without an error';
        }
      } else if (target === 'answers') {
        const seed = seeds.answers[0];
        const text = r() < 0.5 ? mutateText(seed, r) : YAML.stringify(mutateData(YAML.parse(seed), r));
        writeFileSync(file, text);
        const draft = r() < 0.3;
        const answers = await readAnswers(file, plan, draft);
        outcome = 'accepted';
        const now = new Date('2026-11-24T10:00:00Z');
        const fresh = scoring.newScorecard({ rubric: { id: 'data-analyst', version: '1', hash: 'h' }, candidate: { name: 'Zoë', slug: 'zoe' }, interviewer: { name: 'Ada', slug: 'ada' }, stage: 'technical', now });
        try {
          let sc = applyAnswers(plan, fresh, answers, now);
          if (!draft) sc = scoring.submit(plan, sc, now);
          Scorecard.parse(sc);
          const unsafe = strings(sc).find((s) => textSafety.unsafeCharacters(s));
          if (unsafe !== undefined) detail = `accepted answer text with ${textSafety.unsafeCharacters(unsafe)}`;
          for (const version of ['1.1', '1.2']) {
            // The writer adds the digest of a submitted scorecard; everything else must come back as given.
            const { digest: _digest, ...back } = Scorecard.parse(YAML.parseDocument(scorecardYaml(sc), { version }).toJS());
            if (JSON.stringify(back) !== JSON.stringify(Scorecard.parse(sc))) detail = `scorecard does not round-trip through YAML ${version}`;
          }
        } catch (error) {
          detail = `accepted, then the scorecard failed: ${String(error.message ?? error).split('\n')[0]}`;
        }
        if (detail) outcome = 'acceptedInvalid';
      } else {
        // Names and evidence through the one name check and the YAML writer.
        const pick = (xs) => xs[Math.floor(r() * xs.length)];
        const name = Array.from({ length: 1 + Math.floor(r() * 4) }, () => (r() < 0.6 ? pick(NASTY) : String.fromCodePoint(Math.floor(r() * 0x2ffff)))).join(r() < 0.5 ? ' ' : '');
        writeFileSync(file, JSON.stringify({ name }));
        const problem = textSafety.checkPersonName(name, 'candidate');
        if (problem === undefined) {
          outcome = 'accepted';
          if (textSafety.unsafeCharacters(name.trim())) detail = 'name with control characters accepted';
          else if (textSafety.stripTerminalControls(name).trim() === '') detail = 'name that prints as nothing accepted';
        }
        const sc = { format: 'hirekit-scorecard/1', rubric: { id: 'x', version: name.trim() || 'v', hash: 'h' }, candidate: { name: name.trim() || 'x', slug: 'x' }, interviewer: { name: 'Ada', slug: 'ada' }, stage: 's', status: 'draft', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', ratings: [], flags: [], audit: [] };
        try {
          const yaml = scorecardYaml(sc);
          for (const version of ['1.1', '1.2']) {
            const back = YAML.parseDocument(yaml, { version }).toJS();
            if (back.candidate.name !== sc.candidate.name || back.rubric.version !== sc.rubric.version) detail = `name does not round-trip in YAML ${version}: ${JSON.stringify(sc.candidate.name)}`;
          }
        } catch (error) {
          if (!/must not be empty/.test(String(error))) detail = `writer failed: ${String(error).split('\n')[0]}`;
        }
        if (detail) outcome = 'acceptedInvalid';
      }
    } catch (error) {
      if (!oneLine(error)) {
        outcome = 'crashes';
        detail = String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ');
      }
    }
    parentPort.postMessage({ i, outcome, ms: performance.now() - t0, file, detail });
  }
}

// Last, so every constant above is initialised before a worker starts on its cases.
if (isMainThread) {
  const out = mkdtempSync(path.join(tmpdir(), 'hirekit-fuzz-'));
  const started = Date.now();
  const totals = [];
  for (const target of TARGETS) totals.push(await runTarget(target, out));
  console.log(`hirekit fuzz: seed ${SEED}, ${CASES} cases per target, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const cols = ['cases', 'accepted', 'refused', 'crashes', 'hangs', 'acceptedInvalid', 'slowestMs'];
  console.log(`${'target'.padEnd(8)} ${cols.map((c) => c.padStart(15)).join('')}`);
  for (const t of totals) console.log(`${t.target.padEnd(8)} ${cols.map((c) => String(t[c]).padStart(15)).join('')}`);
  const findings = totals.flatMap((t) => t.findings);
  for (const f of findings.slice(0, 20)) console.log(`finding: ${f.kind} ${f.target} ${f.file}: ${f.detail}`);
  if (findings.length > 20) console.log(`... and ${findings.length - 20} more in ${out}`);
  process.exitCode = findings.length > 0 ? 1 : 0;
} else {
  await work(workerData);
}
