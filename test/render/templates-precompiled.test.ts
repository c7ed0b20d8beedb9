// The built-in templates precompiled at build time (scripts/precompile-templates.mjs) render exactly what the
// same text compiled at run time renders, and a precompiled spec is used only for the very text it was made
// from. The specs are written here by the build's own function into a temp folder, since under src/ the
// templates module finds no dist/templates.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparison } from '../../src/core/compare.js';
import { applyConsensus, applyKnockoutRuling, applyOutcome, applyParticipants, applyRationale, newDecision, submitDecision } from '../../src/core/decision.js';
import { buildPack } from '../../src/core/pack.js';
import { BUNDLED_RUBRICS, loadRubricFile } from '../../src/io/rubrics.js';
import { comparisonView } from '../../src/render/compare-view.js';
import { debriefView } from '../../src/render/debrief-view.js';
import { BUILTIN_TEMPLATES, compileTemplate, loadBuiltinTemplate, precompiledTemplateModule, type TemplateFormat } from '../../src/render/templates.js';
import { AT, card, panelDebrief } from '../core/panel.fixture.js';
import { tempDir } from '../helpers/cli.js';

const FORMATS: TemplateFormat[] = ['md', 'html'];

/** Writes the build's precompiled module for every `<name>.<format>.hbs` in `templates` into `into`. */
async function precompileInto(templates: string, into: string): Promise<void> {
  mkdirSync(into, { recursive: true });
  for (const name of readdirSync(templates)) {
    const m = /^(.+)\.(md|html)\.hbs$/.exec(name);
    if (!m) continue;
    const file = path.join(templates, name);
    writeFileSync(path.join(into, `${m[1]}.${m[2]}.cjs`), await precompiledTemplateModule(m[2] as TemplateFormat, file, readFileSync(file, 'utf8')));
  }
}

let tmp: ReturnType<typeof tempDir>;
let precompiled: string;
beforeAll(async () => {
  tmp = tempDir('hirekit-precompiled-');
  precompiled = path.join(tmp.dir, 'precompiled');
  await precompileInto(BUILTIN_TEMPLATES, precompiled);
});
afterAll(() => tmp.cleanup());

/** A context for each built-in template: a bundled role's pack and handout, a decided debrief, a comparison. */
async function contexts(): Promise<Record<string, object[]>> {
  const report = await loadRubricFile(path.join(BUNDLED_RUBRICS, 'head-of-ml.yaml'), 'bundled');
  const rubric = report.loaded!.rubric;
  const pack = buildPack(rubric, { stages: [], now: new Date(AT), candidate: 'Wei Zhang (张伟)', interviewer: 'Zoë Łukasz' });
  const cards = [card('Ann', 'screen', { analysis: 3, systems: 'insufficient' }), card('Ben', 'case', { analysis: 2, people: 3 }, [{ flag: 'dishonest', kind: 'red' }]), card('Cai', 'onsite', { people: 4, writing: 3 })];
  const who = { name: 'Zoë Łukasz', slug: 'zoe' };
  const open = panelDebrief(cards, who);
  let decision = newDecision({ rubric: { id: 'test-role', version: '2.0', hash: 'h' }, candidate: who, now: new Date(AT) });
  decision = applyKnockoutRuling(decision, 'dishonest', 'confirmed', '', new Date(AT));
  for (const d of open.dimensions) decision = applyConsensus(decision, d, 3, 'The panel settled on a <three> & moved on.', new Date(AT));
  decision = applyParticipants(applyRationale(applyOutcome(decision, 'reject', new Date(AT)), 'The knockout *stands*.', new Date(AT)), ['Ann', 'Ben'], new Date(AT));
  const decided = panelDebrief(cards, who, submitDecision(open, decision, new Date(AT)));
  const other = panelDebrief([card('Ann', 'screen', { analysis: 4 })], { name: 'Wei Zhang (张伟)', slug: 'wei' });
  return {
    pack: [
      { ...pack, handoutPages: false },
      { ...pack, handoutPages: true },
    ],
    handout: pack.handouts,
    debrief: [debriefView(open), debriefView(decided)],
    compare: [comparisonView(buildComparison([decided, other], new Date(AT)))],
  };
}

describe('built-in templates precompiled at build time', () => {
  it('render byte for byte what the same text compiled at run time renders', async () => {
    const all = await contexts();
    const names = [...new Set(readdirSync(BUILTIN_TEMPLATES).map((f) => /^(.+)\.(md|html)\.hbs$/.exec(f)?.[1]).filter((n) => n !== undefined))];
    expect(names.sort()).toEqual(Object.keys(all).sort());
    let compared = 0;
    for (const name of names) {
      for (const format of FORMATS) {
        const file = path.join(BUILTIN_TEMPLATES, `${name}.${format}.hbs`);
        const fromSpec = await loadBuiltinTemplate(format, name, { templates: BUILTIN_TEMPLATES, precompiled });
        const fromText = await compileTemplate(format, file, readFileSync(file, 'utf8'));
        expect(fromSpec.precompiled, `${name}.${format}`).toBe(true);
        expect(fromText.precompiled).toBe(false);
        expect(fromSpec.file).toBe(file);
        for (const context of all[name] ?? []) {
          const text = fromSpec.render(context);
          expect(text.length, `${name}.${format}`).toBeGreaterThan(300);
          expect(text, `${name}.${format}`).toBe(fromText.render(context));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(2 * (2 + 2 + 2 + 1));
  });

  it('escape HTML in the HTML templates and leave Markdown to the md helper, as compiled text does', async () => {
    const { debrief } = await contexts();
    const html = (await loadBuiltinTemplate('html', 'debrief', { templates: BUILTIN_TEMPLATES, precompiled })).render(debrief![1]!);
    expect(html).toContain('The panel settled on a &lt;three&gt; &amp; moved on.');
    const md = (await loadBuiltinTemplate('md', 'debrief', { templates: BUILTIN_TEMPLATES, precompiled })).render(debrief![1]!);
    expect(md).toContain('The panel settled on a \\<three\\> & moved on.');
    expect(md).toContain('The knockout \\*stands\\*.');
  });

  it('report an unknown field at render time as FILE:LINE:COL of the built-in file', async () => {
    const template = await loadBuiltinTemplate('md', 'handout', { templates: BUILTIN_TEMPLATES, precompiled });
    expect(template.precompiled).toBe(true);
    expect(() => template.render({})).toThrow(new RegExp(`^${path.join(BUILTIN_TEMPLATES, 'handout.md.hbs').replace(/[.\\/]/g, '\\$&')}:\\d+:\\d+  unknown field or helper`));
  });
});

describe('a precompiled spec is used only for the text it was made from', () => {
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  let templates: string;
  let specs: string;
  const where = () => ({ templates, precompiled: specs });
  const file = () => path.join(templates, 'note.md.hbs');

  beforeAll(async () => {
    templates = path.join(tmp.dir, 'installed');
    specs = path.join(tmp.dir, 'installed-specs');
    mkdirSync(templates);
    writeFileSync(file(), '# {{md title}}\n');
    await precompileInto(templates, specs);
  });

  it('serves the spec while the text is unchanged, and the spec is what renders', async () => {
    const template = await loadBuiltinTemplate('md', 'note', where());
    expect(template.precompiled).toBe(true);
    expect(template.render({ title: 'A_B' })).toBe('# A\\_B\n');
    // A spec made from other text but keyed to this text's digest is served: the key is all that is checked.
    const dir = path.join(tmp.dir, 'forged');
    mkdirSync(path.join(dir, 'text'), { recursive: true });
    writeFileSync(path.join(dir, 'text', 'note.md.hbs'), 'forged {{title}}\n');
    await precompileInto(path.join(dir, 'text'), path.join(dir, 'specs'));
    const forged = readFileSync(path.join(dir, 'specs', 'note.md.cjs'), 'utf8').replace(sha256('forged {{title}}\n'), sha256('# {{md title}}\n'));
    writeFileSync(path.join(dir, 'specs', 'note.md.cjs'), forged);
    const served = await loadBuiltinTemplate('md', 'note', { templates, precompiled: path.join(dir, 'specs') });
    expect(served.precompiled).toBe(true);
    expect(served.render({ title: 'A_B' })).toBe('forged A_B\n');
  });

  it('compiles an edited installed template from its text instead of serving stale output', async () => {
    const edited = path.join(tmp.dir, 'edited');
    cpSync(templates, edited, { recursive: true });
    writeFileSync(path.join(edited, 'note.md.hbs'), '## {{md title}} (edited)\n');
    const template = await loadBuiltinTemplate('md', 'note', { templates: edited, precompiled: specs });
    expect(template.precompiled).toBe(false);
    expect(template.render({ title: 'A_B' })).toBe('## A\\_B (edited)\n');
  });

  it('compiles from the text when the spec is missing, unreadable, or made by another handlebars or other options', async () => {
    const variants: Record<string, (source: string) => string | undefined> = {
      missing: () => undefined,
      corrupt: (source) => source.slice(0, source.length / 2),
      'another handlebars': (source) => source.replace(/handlebars: "[^"]+"/, 'handlebars: "4.0.0"'),
      'other options': (source) => source.replace('\\"strict\\":true', '\\"strict\\":false'),
      'another format': (source) => source.replace('hirekit-precompiled-template/1', 'hirekit-precompiled-template/0'),
    };
    const original = readFileSync(path.join(specs, 'note.md.cjs'), 'utf8');
    for (const [what, change] of Object.entries(variants)) {
      const dir = path.join(tmp.dir, `variant-${what.replace(/ /g, '-')}`);
      mkdirSync(dir);
      const changed = change(original);
      expect(changed, what).not.toBe(original);
      if (changed !== undefined) writeFileSync(path.join(dir, 'note.md.cjs'), changed);
      const template = await loadBuiltinTemplate('md', 'note', { templates, precompiled: dir });
      expect(template.precompiled, what).toBe(false);
      expect(template.render({ title: 'A_B' }), what).toBe('# A\\_B\n');
    }
  });

  it('a built-in template that does not compile fails the build with FILE:LINE:COL', async () => {
    await expect(precompiledTemplateModule('html', 'templates/broken.html.hbs', '<p>\n{{#each x}}{{/if}}')).rejects.toThrow(
      'templates/broken.html.hbs:2:4  block {{#each}} is closed by {{/if}}; close it with {{/each}}',
    );
  });
});
