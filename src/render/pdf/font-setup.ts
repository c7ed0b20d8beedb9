// Where a PDF's fallback fonts may come from, and the warnings about characters no font could print: set and
// said by main.ts at every start, so they live apart from the fonts themselves (./fonts.ts), which only the
// commands that draw a PDF load. Keeping fonts.ts, measure.ts and pdfkit's patches off the start-up file also
// lets them compile from the code cache (io/code-cache.ts), which the start-up file is not in.

/** Where fallback fonts may come from; main.ts sets it from the environment. */
export interface FontSetup {
  /** A font file (TTF, OTF or TTC) tried after DejaVu Sans for every character it lacks: HIREKIT_CJK_FONT. */
  fallbackFile?: string;
  /** Ask fontconfig (fc-list) for a font covering a character no other font has; off with HIREKIT_SYSTEM_FONTS=0. */
  systemFonts: boolean;
}

let setup: FontSetup = { systemFonts: true };

const changes: Array<() => void> = [];

export function configureFonts(next: FontSetup): void {
  setup = next;
  for (const forget of changes) forget();
}

/** The setup in force. */
export function fontSetup(): FontSetup {
  return setup;
}

/** Calls `forget` each time the setup changes: what was found under the last one may no longer hold. */
export function onFontSetupChange(forget: () => void): void {
  changes.push(forget);
}

/** The setup from environment variables, for main.ts. */
export function fontSetupFromEnv(env: Readonly<Record<string, string | undefined>>): FontSetup {
  const file = env.HIREKIT_CJK_FONT?.trim();
  return { ...(file ? { fallbackFile: file } : {}), systemFonts: env.HIREKIT_SYSTEM_FONTS !== '0' };
}

const notes = { missing: new Set<string>(), unreadable: new Set<string>(), told: new Set<string>() };

/** A character no font has: printed as an empty box, named in the next warning. */
export function noteMissingCharacter(character: string): void {
  notes.missing.add(character);
}

/** A font file that could not be read. */
export function noteUnreadableFont(file: string): void {
  notes.unreadable.add(file);
}

/**
 * Warnings about fonts since the last call, each said once per process: characters printed as empty
 * boxes because no font has them, and font files that could not be read.
 */
export function takeFontWarnings(): string[] {
  const lines: string[] = [];
  for (const file of notes.unreadable) {
    if (notes.told.has(`file:${file}`)) continue;
    notes.told.add(`file:${file}`);
    if (file === setup.fallbackFile) lines.push(`warning: HIREKIT_CJK_FONT=${file} is not a font file hirekit can read (TTF, OTF or TTC with outlines)`);
  }
  const fresh = [...notes.missing].filter((c) => !notes.told.has(`char:${c}`));
  if (fresh.length > 0) {
    for (const c of fresh) notes.told.add(`char:${c}`);
    const shown = fresh.slice(0, 12).join(' ');
    const more = fresh.length > 12 ? ` and ${fresh.length - 12} more` : '';
    const cjk = fresh.some((c) => isCjk(c.codePointAt(0) ?? 0));
    const fix = cjk
      ? 'install a CJK font (e.g. `apt-get install fonts-noto-cjk`, or Noto Sans CJK on macOS/Windows) or set HIREKIT_CJK_FONT=/path/to/font.ttf|.otf|.ttc'
      : 'set HIREKIT_CJK_FONT=/path/to/a font (TTF, OTF or TTC) that has them';
    lines.push(`warning: no font has ${shown}${more}: printed as empty boxes in the PDF; ${fix}`);
  }
  return lines;
}

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3134f)
  );
}
