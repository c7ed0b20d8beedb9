/* eslint-disable no-control-regex -- finding control characters is what this module is for */
// Text that reaches a terminal or names a person. Rubrics, names and evidence are typed or pasted by people
// and may carry what a terminal obeys rather than shows: escape sequences (ESC, CSI, OSC: retitle the window,
// clear the screen, move the cursor, write hyperlinks), other C0/C1 control characters, and bidi overrides
// that make text read differently from what is stored ("Trojan Source"). They are stripped from everything
// printed to a terminal and refused in names.

/** ESC sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings (to BEL or ST), and two-character escapes. */
const ESC_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[ -/]*[0-~]?)/g;
/** 8-bit forms: CSI (0x9B) and OSC/DCS/SOS/PM/APC (0x9D, 0x90, 0x98, 0x9E, 0x9F) strings up to BEL or ST. */
const C1_SEQUENCE = /\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u0098\u009D-\u009F][^\u0007\u009C\u001B]*(?:\u0007|\u009C)?/g;
/** C0 controls except tab and newline, DEL, and the C1 range. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI); the marks LRM/RLM stay. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
/** A colour or weight chalk writes: SGR with parameters from the small set hirekit's renderers use. */
const OUR_SGR = /\u001B\[(?:(?:0|1|2|3|4|7|9|2[1-4]|27|29|3[0-79]|4[0-79]|9[0-7]|10[0-7])(?:;|(?=m)))*m/y;

/**
 * Plain text safe to print: every escape sequence removed whole (so `ESC]0;title BEL` leaves nothing, not
 * `]0;title`), other control characters and bidi overrides removed, CR LF made LF. Tabs and newlines stay.
 */
export function stripTerminalControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESC_SEQUENCE, '').replace(C1_SEQUENCE, '').replace(CONTROL, '').replace(BIDI, '');
}

/**
 * Rendered terminal text made safe: hirekit's own colours (plain SGR sequences) are kept, anything else a
 * terminal would obey is stripped. For output built with chalk around untrusted text.
 */
export function safeForTerminal(rendered: string): string {
  if (!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(rendered)) return rendered;
  let out = '';
  let plain = '';
  for (let i = 0; i < rendered.length; ) {
    if (rendered[i] === '\u001B') {
      OUR_SGR.lastIndex = i;
      const sgr = OUR_SGR.exec(rendered);
      if (sgr) {
        out += stripTerminalControls(plain) + sgr[0];
        plain = '';
        i += sgr[0].length;
        continue;
      }
    }
    plain += rendered[i];
    i++;
  }
  return out + stripTerminalControls(plain);
}

/** Why a text holds characters a terminal would obey (for rubric checks), or undefined. */
export function unsafeCharacters(text: string): string | undefined {
  if (/\u001B|\u009B/.test(text)) return 'a terminal escape sequence (ESC)';
  const bidi = /[\u202A-\u202E\u2066-\u2069]/.exec(text);
  if (bidi) return `a bidi override (U+${bidi[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.exec(text.replace(/\r\n/g, '\n'));
  if (control) return `a control character (U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  return undefined;
}

/** Nothing a reader would see: spaces, zero-width and other format characters, fillers that draw blank. */
export function isInvisibleOnly(text: string): boolean {
  return /^[\s\p{Cf}\p{Zs}\p{Mn}\u115F\u1160\u3164\uFFA0\u2800]*$/u.test(text);
}

/** The one limit for a person's name (candidate, interviewer): fits a PDF header line and a terminal row. */
export const MAX_NAME_LENGTH = 120;

/**
 * The one check for a person's name given on the command line, in a prompt or an answers run. Returns why
 * it is not acceptable, or undefined. Inner runs of spaces are allowed here; callers trim.
 */
export function checkPersonName(value: string, what: 'candidate' | 'interviewer'): string | undefined {
  const name = value.trim();
  if (name === '') return `the ${what}'s name is required`;
  const problem = unsafeCharacters(name.replace(/\t/g, ' ')) ?? (/[\n\t]/.test(name) ? 'a line break or tab' : undefined);
  if (problem) return `the ${what}'s name contains ${problem}; type the name as plain text`;
  if (isInvisibleOnly(name)) return `the ${what}'s name has no visible characters; type the name as plain text`;
  if ([...name].length > MAX_NAME_LENGTH) return `the ${what}'s name is longer than ${MAX_NAME_LENGTH} characters; shorten it`;
  return undefined;
}

/** hirekit's own screen controls, written as chunks of their own: clear the screen between scoring steps; clear a progress line. */
export const CLEAR_SCREEN = '\u001B[H\u001B[2J\u001B[3J';
export const CLEAR_LINE = '\r\u001B[2K';
