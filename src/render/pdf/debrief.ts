// The debrief as a PDF a committee prints: a first page with the panel, the recommendation tally and the
// mechanical summary; the scores as a heatmap and a spread chart; the agenda; the evidence quoted with
// names; flags; coverage gaps; and how the policy was applied. Every number comes from the Debrief.
import type { Debrief } from '../../core/debrief.js';
import { RATING_MARKS as M, RATING_WORDS as W } from '../../core/rating-words.js';
import { debriefView, CONFIDENTIALITY, type DebriefView } from '../debrief-view.js';
import { initialsOf } from '../debrief-words.js';
import { PAGE_SIZE, createPdf, type Paper, type Pdf } from './document.js';
import { GREY, INK, bullets, flow, heading, keptWithNext, paragraph, spacer, table, together, type Block } from './layout.js';
import { heatmap, spreadChart, spreadLegend } from './charts.js';
import { adjustedBlocks } from './debrief-adjusted.js';

export async function debriefPdfBytes(debrief: Debrief, paper: Paper = 'a4'): Promise<Uint8Array> {
  const view = debriefView(debrief);
  const pdf = await createPdf({
    title: view.title,
    subject: `Hiring committee debrief, rubric ${view.role_id} v${view.rubric_version}`,
    confidentiality: CONFIDENTIALITY,
    pageSize: PAGE_SIZE[paper],
  });
  // The panel closes page 1 when it fits; else it opens the next page, so page 1 never spills onto a page of its own.
  const panel = deferrable(panelTable(view));
  flow(pdf, [...firstPage(view, panel), ...committee(view, panel.later), ...scores(view, view.decision ? undefined : panel.later), ...agenda(view), ...evidence(view), ...flags(view), ...coverage(view), ...policy(view), ...(debrief.adjusted ? adjustedBlocks(debrief.adjusted) : [])]);
  return pdf.bytes();
}

function firstPage(v: DebriefView, panel: DeferredBlock): Block[] {
  const d = v.debrief;
  return [
    heading(`Debrief: ${v.candidate}`, 1, { outlineTitle: 'Summary' }),
    paragraph(`${v.role} · ${v.role_id}, rubric v${v.rubric_version}`, { style: 'bold', size: 11.5, after: 2 }),
    paragraph(`Prepared ${v.date} from ${d.panel.length} submitted scorecard${d.panel.length === 1 ? '' : 's'}${d.drafts.length > 0 ? `; ${d.drafts.length} draft${d.drafts.length === 1 ? '' : 's'} left out` : ''}.`, { colour: GREY, size: 9.5, after: 8 }),
    v.decision ? paragraph(v.decision.headline, { style: 'bold', size: 10, after: 6 }) : undefined,
    v.warnings.length > 0 ? notesBox('Read first', v.warnings) : undefined,
    verdictBox(v),
    // Beside the mechanical summary, what a committee must not miss; never empty when there is something.
    notesBox(
      'Concerns',
      v.first_page_concerns.length > 0 ? v.first_page_concerns : ['None: no flag against the candidate, every dimension at or above the bar and rated by two or more interviewers, full coverage.'],
      v.first_page_concerns.length > 0 ? '!' : '',
      8.5,
    ),
    ...agendaFirst(v),
    paragraph('Recommendations (over submitted scorecards)', { style: 'bold', size: 10, after: 4 }),
    tallyBoxes(v),
    panel.onPageOne,
    // Drafts left out are among the concerns above; when they are saved is in "Coverage gaps".
  ].filter((b): b is Block => b !== undefined);
}

/** The agenda on page 1: each item on one line with the people to hear from beneath. */
function agendaFirst(v: DebriefView): Block[] {
  if (v.agenda.length === 0) return [];
  return [
    paragraph('To discuss first', { style: 'bold', size: 10, after: 3 }),
    ...v.agenda.map((a, i) =>
      together([
        paragraph(`${i + 1}. ${a.title}`, { style: 'bold', size: 9, after: 0 }),
        a.hear_from ? paragraph(a.hear_from, { size: 7.5, colour: GREY, indent: 12, after: 1.5 }) : spacer(1.5),
      ]),
    ),
    spacer(4),
  ];
}

/** The committee's submitted decision beside the numbers: where it departs from them, said plainly. */
function committee(v: DebriefView, deferredPanel: Block): Block[] {
  const x = v.decision;
  if (!x) return [];
  const departures = x.follows
    ? [paragraph(`The decision follows the mechanical summary (“${v.summary.label}”): no consensus is a level or more from the panel score, and no knockout was overridden.`, { size: 9.5, after: 8 })]
    : [
        paragraph('Where the decision departs from the mechanical summary', { style: 'bold', size: 10, after: 3 }),
        bullets(x.departures.map((line) => `${line}.`.replace(/\.\.$/, '.')), { size: 9.5 }),
      ];
  return [
    newPage(),
    deferredPanel,
    heading('Committee decision', 1),
    paragraph(`${x.label}`, { style: 'bold', size: 20, after: 2 }),
    paragraph(`Decided ${x.date} by ${x.participants}. The mechanical summary read “${v.summary.label}” (composite ${v.composite}, bar ${v.bar}).`, { size: 9.5, colour: GREY, after: 8 }),
    ...departures,
    paragraph('Rationale', { style: 'bold', size: 10, after: 3 }),
    paragraph(x.rationale, { size: 9.5, after: 8 }),
    paragraph('Consensus per dimension, after the panel was heard', { style: 'bold', size: 10, after: 3 }),
    table({
      columns: [{ header: 'Dimension', width: 135 }, { header: `Panel ${v.debrief.policy.dimension_score}`, width: 55, align: 'right' }, { header: 'Consensus', width: 66, align: 'right' }, { header: 'Reason' }],
      rows: x.dimensions.map((y) => [y.differs ? `${y.name} ≠` : y.name, y.panel, y.consensus, y.reason]),
      size: 8.5,
      after: 4,
    }),
    paragraph('≠ the consensus is a level or more from the panel score.', { size: 8, colour: GREY, after: 8 }),
    ...(x.knockouts.length > 0
      ? [paragraph('Knockouts', { style: 'bold', size: 10, after: 3 }), bullets(x.knockouts.map((k) => `${k.text.replace(/[.;:]$/u, '')} (raised by ${k.raised_by}): ${k.ruling}${k.reason ? `. ${k.reason}` : ''}`), { size: 9.5 })]
      : []),
    paragraph('Dissent', { style: 'bold', size: 10, after: 3 }),
    ...(x.dissent.length > 0 ? x.dissent.map((d) => quote(d.name, '', d.note)) : [paragraph('None recorded.', { size: 9.5, after: 6 })]),
    ...(x.notes.length > 0 ? [bullets(x.notes, { size: 8.5, colour: GREY })] : []),
  ];
}

function scores(v: DebriefView, deferredPanel: Block | undefined): Block[] {
  const d = v.debrief;
  const mismatch = v.panel.some((p) => p.mismatch);
  return [
    newPage(),
    ...(deferredPanel ? [deferredPanel] : []),
    heading('Scores', 1),
    paragraph(`Each interviewer’s rating per dimension. Darker is higher; “${M.insufficient}” is ${W.insufficient}, which is ${W.insufficientRule}; a blank cell was ${W.notRated}. The last column is the panel score${v.unscored_legend ? `, “${M.none}” when the dimension was ${W.notRatedWithEvidence}` : ''}.`, { size: 8.5, colour: GREY, after: 6 }),
    heatmap({
      rowHeader: 'Dimension (weight)',
      levels: d.scale.levels.length,
      // Name over stage when every word fits its column; else the view's keys (the column number under
      // several scorecards per interviewer, with initials beneath) and a legend under the table.
      columns: v.panel.map((p) => ({
        label: p.mismatch ? `${p.name}\u00a0†` : p.name,
        detail: p.stage,
        key: p.key,
        ...(/^\d+$/.test(p.key) ? { keyDetail: initialsOf(p.name) } : {}),
      })),
      rows: v.dimensions.map((x, i) => ({
        label: `${x.name} (${x.weight})`,
        bold: x.disagreement,
        cells: x.cells.map((c) => ({ text: c.symbol === M.notRated ? '' : c.symbol, value: /^l\d$/.test(c.level) ? Number(c.level.slice(1)) : null, dashed: c.level === 'insufficient' })),
        trailing: d.dimensions[i]!.score === null ? M.none : x.score,
      })),
      trailingHeader: `panel ${d.policy.dimension_score}`,
    }),
    mismatch ? paragraph('† scored against another version of the rubric; included, and worth a look.', { size: 8, colour: GREY }) : undefined,
    heading('Score and spread per dimension', 2),
    spreadChart({
      levels: d.scale.levels.map((l) => l.label),
      rows: d.dimensions.map((x, i) => {
        const vx = v.dimensions[i]!;
        return {
          label: x.name,
          points: x.ratings.flatMap((r) => (r.rating === 'insufficient' ? [] : [r.rating])),
          score: x.score,
          hurdle: x.hurdle,
          highlight: x.disagreement,
          note: x.score === null ? `${W.notRated}${x.insufficient ? ` (${x.insufficient} ${M.insufficient})` : ''}` : `${vx.score} (${vx.range})${x.insufficient ? ` +${x.insufficient} ${M.insufficient}` : ''}`,
        };
      }),
    }),
    spreadLegend({ point: 'a rating', range: 'range of ratings', score: `panel ${d.policy.dimension_score}`, ...(d.policy.hurdles.length > 0 ? { hurdle: 'hurdle zone' } : {}), extra: 'bold: to discuss' }),
  ].filter((b): b is Block => b !== undefined);
}

function agenda(v: DebriefView): Block[] {
  const items: Block[] = v.agenda.map((a, i) =>
    together([
      paragraph(`${i + 1}. ${a.title}`, { style: 'bold', size: 10.5, after: 2 }),
      paragraph(a.detail, { indent: 14, size: 9.5, after: 8 }),
    ]),
  );
  const first = items.shift() ?? paragraph('Nothing: no knockout, no conflicting flags, no failed hurdle, no disagreement, no dimension below the bar or resting on one rating.');
  // The introduction never ends a page without the first item under it.
  return [
    gap(18), heading('To discuss', 1),
    together([paragraph(`In this order: knockouts, conflicting flags, failed hurdles, disagreements (ratings ${v.disagreement_span} levels or more apart, widest first), dimensions below the bar, dimensions resting on one rating. Settle these first, hearing from the people named; the evidence for each is in the next section.`, { size: 8.5, colour: GREY, after: 8 }), first]),
    ...items,
  ];
}

function evidence(v: DebriefView): Block[] {
  const blocks: Block[] = [gap(14), heading('Evidence by dimension', 1)];
  for (const x of v.dimensions) {
    const stats =
      x.count === 0
        ? `Not rated with evidence${x.insufficient ? `; ${x.insufficient} × ${W.insufficient}` : ''}. Weight ${x.weight}.`
        : `Panel score ${x.score} · median ${x.median} · mean ${x.mean} · range ${x.range} · ${x.count} rating${x.count === 1 ? '' : 's'}${x.insufficient ? `, ${x.insufficient} ${W.insufficientShort}` : ''} · weight ${x.weight}${x.hurdle ? ` · hurdle ${x.hurdle}` : ''}${x.disagreement ? ' · to discuss' : ''}`;
    const quotes = x.ratings.map((r) => quote(`${r.name} · ${r.stage}${r.mismatch ? ' †' : ''}`, `${r.rating} ${r.label}`, r.no_evidence || r.evidence, 0, r.no_evidence === ''));
    // The heading and its numbers never end a page without the first quote under them.
    const first = quotes.shift() ?? paragraph('No interviewer rated this dimension.', { size: 9.5, after: 6 });
    blocks.push(together([heading(x.name, 2), paragraph(stats, { size: 8.5, colour: GREY, after: 6 }), first]), ...quotes);
  }
  const notes = v.panel.filter((p) => p.summary);
  if (notes.length > 0) {
    blocks.push(heading('Overall notes', 2), keptWithNext(paragraph('Written by each interviewer after rating every dimension.', { size: 8.5, colour: GREY, after: 6 })));
    for (const p of notes) blocks.push(quote(`${p.name} · ${p.stage}`, p.recommendation, p.summary));
  }
  return blocks;
}

function flags(v: DebriefView): Block[] {
  const blocks: Block[] = [gap(14), heading('Flags', 1)];
  if (v.flags.length === 0) blocks.push(paragraph('No flag was raised.'));
  for (const f of v.flags) {
    const kind = f.tier_label;
    const [first, ...rest] = f.raised_by.map((r) => quote(`${r.name} · ${r.stage}`, '', r.note, 12));
    blocks.push(
      together([paragraph(`${f.sign} ${kind}: ${f.text}`, { style: 'bold', size: 10, after: 1 }), paragraph(f.dimension, { size: 8.5, colour: GREY, indent: 12, after: 3 }), ...(first ? [first] : [])]),
      ...rest,
    );
  }
  return blocks;
}

function coverage(v: DebriefView): Block[] {
  const lines = [
    v.coverage.rated + '.',
    v.coverage.unrated.length > 0 ? `Not rated with evidence: ${v.coverage.unrated.join(', ')}.` : 'Every dimension has at least one rating with evidence.',
    v.coverage.stages.length > 0 ? `Stages of the loop without a submitted scorecard: ${v.coverage.stages.join(', ')}.` : `Every ${v.coverage.optional_stages.length > 0 ? 'required ' : ''}stage of the loop has a submitted scorecard.`,
    ...(v.coverage.optional_stages.length > 0 ? [`Optional stages without a scorecard (the loop may skip them): ${v.coverage.optional_stages.join(', ')}.`] : []),
    ...(v.drafts.length > 0 ? [`Drafts, left out: ${v.drafts.map((x) => `${x.name} (${x.stage}, last saved ${x.updated})`).join(', ')}.`] : []),
  ];
  return [gap(14), heading('Coverage gaps', 1), bullets(lines, { size: 9.5 })];
}

function policy(v: DebriefView): Block[] {
  const d = v.debrief;
  return [
    gap(14), heading('How the policy was applied', 1),
    paragraph(v.policy.method, { size: 9.5 }),
    paragraph(v.policy.composite_line, { size: 9.5 }),
    table({
      columns: [{ header: 'Dimension' }, { header: 'Weight', width: 55, align: 'right' }, { header: 'Share used', width: 70, align: 'right' }, { header: 'Panel score', width: 70, align: 'right' }],
      rows: v.dimensions.map((x) => [x.name, String(x.weight), x.share, x.score]),
      size: 8.5,
    }),
    // The policy's verdict lines and the closing notice read as one; never leave one line of them alone on a page.
    together([
      bullets(
      [
        ...v.policy.hurdles.map((h) => `Hurdle: ${h}.`),
        ...(v.policy.knockouts.length > 0 ? v.policy.knockouts.map((k) => `Knockout raised: ${k}.`) : ['No knockout flag was raised.']),
        v.policy.scorecards,
        v.policy.coverage,
        `Mechanical summary: ${v.summary.label}. Precedence: knockout raised, then not enough evidence, then a failed hurdle, then the composite against the bar of ${v.bar}.`,
      ],
      { size: 9.5 },
      ),
      paragraph(`${d.summary.notice} The committee weighs the evidence above and records its own decision and reasons.`, { style: 'oblique', size: 9.5 }),
    ]),
  ];
}

function panelTable(v: DebriefView): Block[] {
  const d = v.debrief;
  return [
    paragraph('Panel', { style: 'bold', size: 10, after: 3 }),
    table({
      columns: [{ header: 'Interviewer', width: 120 }, { header: 'Stage', width: 180 }, { header: 'Recommendation', width: 95 }, { header: 'Rubric' }],
      rows: v.panel.map((p, i) => [p.name, p.stage, p.recommendation, p.mismatch ? `v${d.panel[i]?.rubric.version ?? '?'} † other version` : `v${v.rubric_version}`]),
      size: 8,
    }),
  ];
}

interface DeferredBlock {
  /** Draws the blocks here when they fit in what is left of the page; else leaves them for `later`. */
  onPageOne: Block;
  /** Draws the blocks if `onPageOne` left them, else nothing. */
  later: Block;
}

function deferrable(blocks: readonly Block[]): DeferredBlock {
  let deferred = false;
  const full = (pdf: Pdf): number => blocks.reduce((sum, b) => sum + (b.fullHeight ?? b.height)(pdf), 0);
  const drawAll = (pdf: Pdf): void => {
    for (const block of blocks) block.draw(pdf);
  };
  return {
    onPageOne: {
      height: () => 0,
      draw: (pdf) => {
        if (full(pdf) <= pdf.spaceLeft) drawAll(pdf);
        else deferred = true;
      },
    },
    later: {
      height: (pdf) => (deferred ? full(pdf) : 0),
      draw: (pdf) => {
        if (!deferred) return;
        drawAll(pdf);
        pdf.doc.y += 10;
      },
    },
  };
}

/** Starts a new page unless already at the top of one. */
function newPage(): Block {
  return { height: () => 0, draw: (pdf) => void (pdf.atTopOfPage || pdf.newPage()) };
}

/** Space before a section, dropped at the top of a page. */
function gap(points: number): Block {
  return { height: () => points, draw: (pdf) => void (pdf.atTopOfPage || (pdf.doc.y += points)) };
}

/** A bordered box of notes (integrity warnings, concerns), each line marked; the first line is the most decisive. */
function notesBox(title: string, lines: readonly string[], mark = '!', size = 9): Block {
  const pad = 8;
  const line = (l: string): string => (mark ? `${mark} ${l}` : l);
  const body = (pdf: Pdf): number => {
    pdf.font('regular', size);
    return lines.reduce((h, l) => h + pdf.doc.heightOfString(line(l), { width: pdf.width - 2 * pad, lineGap: 1 }) + 3, 0);
  };
  return {
    height: (pdf) => body(pdf) + 2 * pad + 16,
    draw: (pdf) => {
      const doc = pdf.doc;
      const y0 = doc.y;
      const h = body(pdf) + 2 * pad + 14;
      doc.markContent('Artifact', { type: 'Layout' });
      doc.rect(pdf.left, y0, pdf.width, h).lineWidth(1.2).strokeColor(INK).stroke();
      doc.endMarkedContent();
      pdf.font('bold', 9.5);
      doc.fillColor(INK).text(title, pdf.left + pad, y0 + pad, { width: pdf.width - 2 * pad, structParent: pdf.root, structType: 'P' });
      let y = y0 + pad + 14;
      for (const l of lines) {
        pdf.font('regular', size);
        doc.text(line(l), pdf.left + pad, y, { width: pdf.width - 2 * pad, lineGap: 1, structParent: pdf.root, structType: 'P' });
        y = doc.y + 3;
      }
      doc.x = pdf.left;
      doc.y = y0 + h + 10;
    },
  };
}

/** The mechanical summary, framed, with the composite at the right and the notice beneath. */
function verdictBox(v: DebriefView): Block {
  const pad = 10;
  const reasonsHeight = (pdf: Pdf): number => {
    pdf.font('regular', 9);
    return v.summary.reasons.reduce((h, r) => h + pdf.doc.heightOfString(`• ${r}`, { width: pdf.width - 2 * pad - 10, lineGap: 1 }) + 2, 0);
  };
  const height = (pdf: Pdf): number => pad + 12 + 26 + 16 + reasonsHeight(pdf) + pad;
  return {
    height: (pdf) => height(pdf) + 8,
    draw: (pdf) => {
      const doc = pdf.doc;
      const y0 = doc.y;
      const h = height(pdf);
      doc.markContent('Artifact', { type: 'Layout' });
      doc.rect(pdf.left, y0, pdf.width, h).fillColor('#f2f2f2').fill();
      doc.rect(pdf.left, y0, 4, h).fillColor(INK).fill();
      doc.endMarkedContent();
      const x = pdf.left + pad + 4;
      const w = pdf.width - 2 * pad - 4;
      pdf.font('bold', 8.5);
      doc.fillColor(GREY).text('MECHANICAL SUMMARY', x, y0 + pad, { width: w, characterSpacing: 0.6, structParent: pdf.root, structType: 'P' });
      pdf.font('bold', 20);
      doc.fillColor(INK).text(v.summary.label, x, y0 + pad + 12, { width: w - 130, lineBreak: false, structParent: pdf.root, structType: 'P' });
      pdf.font('bold', 20);
      doc.text(v.composite, pdf.left + pdf.width - pad - 120, y0 + pad + 2, { width: 120, align: 'right', lineBreak: false });
      pdf.font('regular', 8);
      doc.fillColor(GREY).text(`weighted composite · bar ${v.bar}`, pdf.left + pdf.width - pad - 160, y0 + pad + 26, { width: 160, align: 'right', lineBreak: false });
      pdf.font('oblique', 9);
      doc.fillColor(INK).text(v.summary.notice, x, y0 + pad + 40, { width: w, structParent: pdf.root, structType: 'P' });
      let y = y0 + pad + 54;
      for (const r of v.summary.reasons) {
        pdf.font('regular', 9);
        doc.text(`• ${r}`, x, y, { width: w - 6, lineGap: 1, structParent: pdf.root, structType: 'LI' });
        y = doc.y + 2;
      }
      doc.x = pdf.left;
      doc.y = y0 + h + 8;
    },
  };
}

/** One box per recommendation with its count beside its label, so the split of the panel reads at a glance. */
function tallyBoxes(v: DebriefView): Block {
  const h = 21;
  return {
    height: () => h + 8,
    draw: (pdf) => {
      const doc = pdf.doc;
      const y = doc.y;
      const gap = 8;
      const w = (pdf.width - gap * (v.tally.length - 1)) / v.tally.length;
      v.tally.forEach((t, i) => {
        const x = pdf.left + i * (w + gap);
        doc.markContent('Artifact', { type: 'Layout' });
        doc.rect(x, y, w, h).lineWidth(0.8).strokeColor(INK).stroke();
        doc.endMarkedContent();
        const count = String(t.count);
        pdf.font('bold', 14);
        const countWidth = doc.widthOfString(count);
        pdf.font('regular', 8.5);
        const labelWidth = doc.widthOfString(t.label);
        const start = x + (w - countWidth - 6 - labelWidth) / 2;
        pdf.font('bold', 14);
        doc.fillColor(INK).text(count, start, y + 3.5, { lineBreak: false, structParent: pdf.root, structType: 'P' });
        pdf.font('regular', 8.5);
        doc.fillColor(GREY).text(t.label, start + countWidth + 6, y + 7.5, { lineBreak: false, structParent: pdf.root, structType: 'P' });
      });
      doc.x = pdf.left;
      doc.y = y + h + 8;
    },
  };
}

/** Evidence quoted with who said it: a caption (wrapping if it must), then the text beside a rule, kept on one page. */
/** `quoted` false: the text is hirekit's own words (e.g. that a rating has no evidence), not the interviewer's. */
function quote(who: string, rating: string, text: string, indent = 0, asQuote = true): Block {
  const quoted = asQuote ? `“${text}”` : text;
  const inner = 14;
  const captionSize = 8.5;
  const ratingWidth = (pdf: Pdf): number => {
    if (!rating) return 0;
    pdf.font('bold', captionSize);
    return pdf.doc.widthOfString(rating) + 12;
  };
  const whoWidth = (pdf: Pdf): number => pdf.width - indent - ratingWidth(pdf);
  // Measured in the bold font it is drawn in, so a caption that wraps pushes the quote down.
  const whoHeight = (pdf: Pdf): number => {
    pdf.font('bold', captionSize);
    return pdf.doc.heightOfString(who, { width: whoWidth(pdf), lineGap: 1 });
  };
  const textHeight = (pdf: Pdf): number => {
    pdf.font('regular', 9.5);
    return pdf.doc.heightOfString(quoted, { width: pdf.width - indent - inner, lineGap: 1.5 });
  };
  return {
    height: (pdf) => whoHeight(pdf) + 3 + textHeight(pdf) + 8,
    draw: (pdf) => {
      const doc = pdf.doc;
      const x = pdf.left + indent;
      const y0 = doc.y;
      const ty = y0 + whoHeight(pdf) + 3;
      const width = whoWidth(pdf);
      pdf.font('bold', captionSize);
      doc.fillColor(INK).text(who, x, y0, { width, lineGap: 1, structParent: pdf.root, structType: 'P' });
      if (rating) {
        pdf.font('bold', captionSize);
        doc.text(rating, x + width, y0, { width: pdf.width - indent - width, align: 'right', lineBreak: false });
      }
      const th = textHeight(pdf);
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(x + 4, ty).lineTo(x + 4, ty + th - 2).lineWidth(1.6).strokeColor('#888888').stroke();
      doc.endMarkedContent();
      pdf.font('regular', 9.5);
      doc.fillColor(INK).text(quoted, x + inner, ty, { width: pdf.width - indent - inner, lineGap: 1.5, structParent: pdf.root, structType: 'BlockQuote' });
      doc.x = pdf.left;
      doc.y = ty + th + 8;
    },
  };
}
