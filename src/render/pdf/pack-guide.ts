// The interviewer guide of one stage: purpose, timing, method, focus dimensions with their anchors,
// questions with probes, the case study and the flags to watch.
import type { Pack, PackQuestion, PackStage } from '../../core/pack.js';
import type { Pdf } from './document.js';
import { GREY, bullets, flow, heading, keptWithNext, labelValues, paragraph, spacer, table, together, type Block } from './layout.js';
import { proseBlocks } from './prose.js';

export function drawStageGuide(pdf: Pdf, pack: Pack, stage: PackStage): void {
  const facts: Array<[string, string]> = [
    ['Duration', `${stage.minutes} minutes${stage.optional ? ' (optional stage: run it where the role calls for it)' : ''}`],
    ['Interviewers', stage.interviewers],
    ['Rates', stage.focus.map((d) => d.name).join('; ')],
  ];
  if (stage.caseStudy) facts.push(['Case study', `${stage.caseStudy.title} (${stage.caseStudy.minutes} minutes)`]);
  if (pack.candidate) facts.push(['Candidate', pack.candidate]);
  if (pack.interviewer) facts.push(['Interviewer', pack.interviewer]);

  const study = stage.caseStudy;
  const noFlags = paragraph('None for this stage’s dimensions.', { colour: GREY, size: 9.5 });
  // One flow for the whole guide, so no heading is left at the bottom of a page without its content.
  flow(pdf, [
    heading(`Stage ${stage.number}: ${stage.name}`, 1, { newPage: true }),
    paragraph(`Interviewer guide · ${pack.role.title} · rubric version ${pack.rubricVersion}`, { colour: GREY, size: 9, after: 8 }),
    labelValues(facts, { labelWidth: 90 }),
    heading('Purpose', 2, { outline: false }),
    ...proseBlocks(stage.purpose),
    heading('Timing plan', 2),
    table({
      columns: [{ header: 'Time', width: 80 }, { header: 'What happens' }],
      rows: stage.timing.map((slot) => [`${slot.from}–${slot.to} min`, slot.activity]),
    }),
    heading('Rules of the method', 2),
    bullets(pack.method, { size: 9.5 }),
    heading('Focus dimensions and their anchors', 2),
    // A dimension's heading and description stay with the start of its anchor table; the table itself
    // may continue on the next page (header repeated) rather than leave half a page empty.
    ...stage.focus.flatMap((dimension) => [
      heading(`${dimension.name} (weight ${dimension.weight})`, 3),
      keptWithNext(paragraph(dimension.measures, { style: 'oblique', size: 9.5 })),
      table({
        columns: [{ header: 'Level', width: 105 }, { header: 'What an answer at this level sounds like' }],
        rows: dimension.anchors.map((a) => [`${a.level} · ${a.label}`, a.anchor]),
      }),
    ]),
    ...(stage.questions.length > 0 ? [heading('Questions', 2), ...stage.questions.map(questionBlock)] : []),
    ...(study
      ? [
          heading(`Case study: ${study.title}`, 2),
          // The case study's heading and its one-line summary never end a page.
          keptWithNext(paragraph(`${study.minutes} minutes · assesses ${study.dimensions.join('; ')}`, { colour: GREY, size: 9 })),
          heading('The brief the candidate receives', 3),
          ...proseBlocks(study.brief, { size: 9.5 }),
          heading('How to run it (interviewer only)', 3),
          ...proseBlocks(study.guide, { size: 9.5 }),
          heading('Strong answers', 3),
          bullets(study.strong, { size: 9.5 }),
          heading('Weak answers', 3),
          bullets(study.weak, { size: 9.5 }),
        ]
      : []),
    heading('Flags to watch', 2),
    heading('Green flags', 3),
    stage.greenFlags.length > 0 ? bullets(stage.greenFlags.map((f) => `${f.text} (${f.dimension})`), { size: 9.5 }) : noFlags,
    ...(stage.concernFlags.length > 0
      ? [heading('Concerns (weak signals)', 3), bullets(stage.concernFlags.map((f) => `${f.text} (${f.dimension})`), { size: 9.5 })]
      : []),
    heading('Red flags', 3),
    stage.redFlags.length > 0
      ? bullets(stage.redFlags.map((f) => `${f.knockout ? 'KNOCKOUT: ' : ''}${f.text} (${f.dimension})`), { size: 9.5 })
      : noFlags,
  ]);
}

/** A question with its probes and what to listen for, kept on one page when it fits. */
function questionBlock(question: PackQuestion): Block {
  return together([
    spacer(4),
    paragraph(`Q${question.number}. ${question.text}`, { style: 'bold', size: 10, after: 2 }),
    paragraph(`${question.kind} · ${question.dimension}${question.inCase ? ' · asked inside the case study' : ''}`, { colour: GREY, size: 8.5, after: 4 }),
    paragraph('Probes', { style: 'bold', size: 9, after: 2, indent: 12 }),
    bullets(question.probes, { size: 9.5, indent: 12 }),
    paragraph('Listen for', { style: 'bold', size: 9, after: 2, indent: 12 }),
    bullets(question.listenFor, { size: 9.5, indent: 12 }),
  ]);
}
