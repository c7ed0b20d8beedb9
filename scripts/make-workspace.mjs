// A large hiring workspace for benchmarks and scale tests: N candidates for one bundled role, each with S
// submitted scorecards (stages of the loop, two interviewers per stage when S exceeds the loop), written in
// exactly the format hirekit writes (through the built store, so digests and quoting are real).
//   node scripts/make-workspace.mjs DIR [--candidates 1000] [--scorecards 8] [--role head-of-ml]
// Also imported by scripts/bench.mjs: makeWorkspace(dir, { candidates, scorecards, role }).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);

export async function makeWorkspace(dir, { candidates = 1000, scorecards = 8, role = 'head-of-ml' } = {}) {
  const [{ findRubric }, { scorecardYaml }, { toYaml }, { planFor }, { slugFor }] = await Promise.all([
    dist('io/rubrics.js'),
    dist('io/scorecard-store.js'),
    dist('io/yaml-write.js'),
    dist('core/scoring.js'),
    dist('io/workspace.js'),
  ]);
  const { rubric, hash } = await findRubric(role, { env: {} });
  const stages = rubric.loop.map((s) => planFor(rubric, s.id));
  const at = '2026-11-24T10:00:00.000Z';
  const private_ = { mode: 0o600 };
  for (let c = 0; c < candidates; c++) {
    const name = `Candidate ${String(c).padStart(5, '0')} Łukasz`;
    const slug = slugFor(name);
    const folder = path.join(dir, 'candidates', slug);
    mkdirSync(path.join(folder, 'scorecards'), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(folder, 'candidate.yaml'), toYaml({ name, role, created_at: at }), private_);
    for (let s = 0; s < scorecards; s++) {
      const plan = stages[s % stages.length];
      const interviewer = `Interviewer ${Math.floor(s / stages.length)}-${s % stages.length}`;
      const scorecard = {
        format: 'hirekit-scorecard/1',
        rubric: { id: rubric.role.id, version: rubric.version, hash },
        candidate: { name, slug },
        interviewer: { name: interviewer, slug: slugFor(interviewer) },
        stage: plan.stage.id,
        status: 'submitted',
        created_at: at,
        updated_at: at,
        submitted_at: at,
        ratings: plan.dimensions.map(({ dimension }, j) => ({
          dimension: dimension.id,
          rating: ((c + s + j) % 4) + 1,
          evidence: `Gave a concrete example for ${dimension.name} with numbers, the decision and its outcome.`,
          at,
        })),
        flags: [],
        recommendation: (c + s) % 3 === 0 ? 'no' : 'yes',
        summary: 'A generated scorecard: steady evidence across the dimensions of this stage.',
        audit: [],
      };
      writeFileSync(path.join(folder, 'scorecards', `${plan.stage.id}--${scorecard.interviewer.slug}.yaml`), scorecardYaml(scorecard), private_);
    }
  }
  return { workspace: dir, role, candidates, scorecards };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir) {
    console.error('usage: node scripts/make-workspace.mjs DIR [--candidates 1000] [--scorecards 8] [--role head-of-ml]');
    process.exit(2);
  }
  const flag = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : args[i + 1];
  };
  const made = await makeWorkspace(path.resolve(dir), {
    candidates: Number(flag('candidates', 1000)),
    scorecards: Number(flag('scorecards', 8)),
    role: flag('role', 'head-of-ml'),
  });
  console.log(`${made.workspace}: ${made.candidates} candidates x ${made.scorecards} submitted scorecards for ${made.role}`);
}
