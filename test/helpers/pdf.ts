// Reads a PDF the way a test needs it: its text (in-process, via unpdf), page count, metadata and fonts.
import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

export interface PdfFacts {
  pages: number;
  /** Text of each page. */
  pageTexts: string[];
  /** All text, pages joined, whitespace folded to single spaces. */
  text: string;
  title?: string;
  /** Base names of the fonts the file references, and whether each is embedded. */
  fonts: Array<{ name: string; embedded: boolean }>;
}

export async function readPdf(file: string): Promise<PdfFacts> {
  const bytes = new Uint8Array(await readFile(file));
  const doc = await getDocumentProxy(bytes.slice());
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const meta = await getMeta(doc);
  const info = meta.info as { Title?: string };
  return {
    pages: totalPages,
    pageTexts: text,
    text: text.join('\n').replace(/\s+/g, ' '),
    ...(info.Title ? { title: info.Title } : {}),
    fonts: fontsOf(Buffer.from(bytes).toString('latin1')),
  };
}

/** Font dictionaries straight from the file: a font is embedded when its descriptor has a FontFile. */
function fontsOf(raw: string): Array<{ name: string; embedded: boolean }> {
  const names = new Map<string, boolean>();
  for (const m of raw.matchAll(/\/Type\s*\/FontDescriptor([\s\S]*?)>>/g)) {
    const body = m[1] ?? '';
    const name = /\/FontName\s*\/([^\s/<>]+)/.exec(body)?.[1];
    if (name) names.set(name, /\/FontFile[23]?\s/.test(body));
  }
  for (const m of raw.matchAll(/\/Subtype\s*\/Type1[\s\S]*?\/BaseFont\s*\/([^\s/<>]+)/g)) {
    if (m[1] && !names.has(m[1])) names.set(m[1], false);
  }
  return [...names].map(([name, embedded]) => ({ name, embedded }));
}

/** Width x height in points of every page, e.g. "612x792" (US Letter) or "595.28x841.89" (A4). */
export async function pageSizes(file: string): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const sizes: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const { width, height } = (await doc.getPage(p)).getViewport({ scale: 1 });
    sizes.push(`${+width.toFixed(2)}x${+height.toFixed(2)}`);
  }
  return sizes;
}
