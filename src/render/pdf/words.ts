// The words pdfkit lays out and encodes a line by: the text cut after each space or tab, the space kept with
// the word before it. measure.ts (layout) and pdfkit-fast.ts (encoding) must cut the same way, so both use this.

/** Calls `visit` with each word of `text`, in order. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      visit(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) visit(text.slice(last));
}
