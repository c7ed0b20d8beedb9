import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../../src/errors.js';
import { compileTemplate, escapeMarkdown, escapeMarkdownCell, loadTemplate } from '../../src/render/templates.js';
import { tempDir } from '../helpers/cli.js';

describe('escapeMarkdown', () => {
  it('backslash-escapes emphasis, link, table, heading and HTML characters', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) #f |g| <script>')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\#f \\|g\\| \\<script\\>');
  });

  it('neutralises line starts that would make lists, rules, numbered items or code blocks', () => {
    expect(escapeMarkdown('- item\n---\n1. one\n    code\n+ plus\n===')).toBe('\\- item\n\\---\n1\\. one\ncode\n\\+ plus\n\\===');
    expect(escapeMarkdown('1.2 -x +y')).toBe('1.2 -x +y');
  });

  it('puts table cells on one line', () => {
    expect(escapeMarkdownCell('two\n  lines | here')).toBe('two lines \\| here');
  });

  it('leaves handlebars braces in rubric text alone', () => {
    expect(escapeMarkdown('{{name}}')).toBe('{{name}}');
  });
});

describe('compileTemplate', () => {
  it('HTML escapes values, Markdown does not escape HTML but md escapes Markdown', async () => {
    const html = await compileTemplate('html', 'x.html.hbs', '<p>{{text}}</p><p>{{lines text}}</p>');
    expect(html.render({ text: '<b>&\n{{x}}' })).toBe('<p>&lt;b&gt;&amp;\n{{x}}</p><p>&lt;b&gt;&amp;<br>\n{{x}}</p>');
    const md = await compileTemplate('md', 'x.md.hbs', '{{text}} / {{md text}} / {{cell text}}');
    expect(md.render({ text: '*a*\nb' })).toBe('*a*\nb / \\*a\\*\nb / \\*a\\* b');
  });

  it('says which brace is missing instead of listing parser tokens', async () => {
    await expect(compileTemplate('md', 'a.md.hbs', '{{#each panel}}\n{{name}\n{{/each}}')).rejects.toThrow(
      "a.md.hbs:2:7  template syntax error: expected '}}' to close the tag, found a character that cannot appear there",
    );
    await expect(compileTemplate('md', 'b.md.hbs', '{{#if x}}a{{else}}')).rejects.toThrow(
      'b.md.hbs:1:19  template syntax error: expected more: the template ends inside an open {{ tag or {{#block}}; close it',
    );
  });

  it('reports a syntax error before rendering, as FILE:LINE:COL', async () => {
    await expect(compileTemplate('html', 'my.html.hbs', 'line one\n<p>{{name</p>')).rejects.toThrow(
      /^my\.html\.hbs:2:\d+ {2}template syntax error: expected/,
    );
    await expect(compileTemplate('md', 'my.md.hbs', 'a\n{{#each items}}\nb {{/if}}')).rejects.toThrow(
      'my.md.hbs:2:4  block {{#each}} is closed by {{/if}}; close it with {{/each}}',
    );
  });

  it('rejects unknown helpers when loading and unknown fields when rendering (strict mode)', async () => {
    await expect(compileTemplate('html', 't.hbs', '{{shout name}}')).rejects.toThrow(/^t\.hbs:1:\d+ {2}/);
    const template = await compileTemplate('html', 't.hbs', 'ok\n  {{nmae}}');
    expect(() => template.render({ name: 'x' })).toThrow(DataError);
    expect(() => template.render({ name: 'x' })).toThrow("t.hbs:2:5  unknown field or helper 'nmae'");
  });
});

describe('loadTemplate', () => {
  it('names a missing user template and the flag to fix', async () => {
    await expect(loadTemplate('html', { file: '/nonexistent/pack.html.hbs' })).rejects.toThrow(
      '/nonexistent/pack.html.hbs: no such template file; check the path given to --template',
    );
  });

  it('loads a user template file', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'mine.md.hbs');
      writeFileSync(file, '# {{md title}}\n');
      const template = await loadTemplate('md', { file });
      expect(template.render({ title: 'A_B' })).toBe('# A\\_B\n');
    } finally {
      cleanup();
    }
  });
});

describe('bundled HTML templates', () => {
  it('give every table a <thead>, so a table split over printed pages repeats its header', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = path.join(import.meta.dirname, '..', '..', 'templates');
    const files = readdirSync(dir).filter((f) => f.endsWith('.html.hbs'));
    let tables = 0;
    for (const file of files) {
      for (const [table] of readFileSync(path.join(dir, file), 'utf8').matchAll(/<table[\s\S]*?<\/table>/g)) {
        tables++;
        const firstRow = table.indexOf('<tr');
        expect(table.slice(0, firstRow), `${file}: ${table.slice(0, 80)}`).toContain('<thead>');
        expect(table, file).toMatch(/<\/thead>\s*<tbody>/);
      }
    }
    expect(tables).toBeGreaterThanOrEqual(8);
  });
});
