// The grey of a rating on any scale, shared by the PDF heatmap and the HTML debrief: lightest for 1, darkest
// for the top level, so the order reads the same in colour, grey and print.

/** Where a value sits between 1 and the top level, 0 to 1. */
function shareOf(value: number, top: number): number {
  return top > 1 ? (Math.min(top, Math.max(1, value)) - 1) / (top - 1) : 1;
}

export function shadeFor(value: number, top = 4): string {
  const grey = Math.round(245 - shareOf(value, top) * 175);
  const hex = grey.toString(16).padStart(2, '0');
  return `#${hex}${hex}${hex}`;
}

/** White on the darker shades, ink on the lighter ones. */
export function inkOnShade(value: number, top = 4, ink = '#000000'): string {
  return shareOf(value, top) >= 0.58 ? '#ffffff' : ink;
}
