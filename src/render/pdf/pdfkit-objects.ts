// pdfkit's writing of PDF objects, by cheaper roads to the same bytes (installed by ./pdfkit-fast.ts, which
// says why and checks each method's source first):
//   - PDFDocument._write: each line of PDF made bytes natively, as a Buffer the document's stream takes as is.
//   - PDFReference.write and finalize: an object's stream lines kept as text and made bytes together when
//     the object is written out; its dictionary converted by pdfValue, pdfkit's PDFObject.convert for the
//     values hirekit's objects hold, without convert's chain of instanceof tests on every value.
// test/render/pdf/pdfkit-fast.test.ts holds each to pdfkit's original.

/** A method as ./pdfkit-fast.ts replaces it. */
type Method = (this: unknown, ...args: never[]) => unknown;

interface Stream {
  push(chunk: Uint8Array | null): boolean;
  _offset: number;
}

/** PDFDocument._write: a line of PDF, or bytes, onto the document's stream. */
export function fastWrite(this: Stream, data: unknown): void {
  const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data as string}\n`, 'latin1');
  this.push(bytes);
  this._offset += bytes.length;
}

interface Reference {
  uncompressedLength: number;
  data: { Length?: number | null; Filter?: string };
  buffer: Array<Uint8Array | string>;
  compress: boolean;
}

/**
 * PDFReference.write: a line of an object's stream (a page's drawing operators), or bytes. A line is kept
 * as text, its length in bytes being its length in char codes, and an object's lines become bytes together
 * when it is written out (finalizeWithBytes): one native conversion per object, not a typed array per line.
 */
export function fastReferenceWrite(this: Reference, chunk: unknown): void {
  // `chunk + '\n'` as pdfkit writes it (a template literal would call toString before valueOf).
  const part = chunk instanceof Uint8Array ? chunk : (chunk as string) + '\n';
  this.uncompressedLength += part.length;
  if (this.data.Length == null) this.data.Length = 0;
  this.buffer.push(part);
  this.data.Length += part.length;
  if (this.compress) this.data.Filter = 'FlateDecode';
}

/** An object's stream parts as bytes: each run of lines joined and converted as pdfkit converts a line. */
export function streamBytes(parts: ReadonlyArray<Uint8Array | string>): Uint8Array[] {
  const bytes: Uint8Array[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length === 0) return;
    bytes.push(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  for (const part of parts) {
    if (typeof part === 'string') lines.push(part);
    else {
      flush();
      bytes.push(part);
    }
  }
  flush();
  return bytes;
}

/** Raised by dictionaryEntries for a value it leaves to pdfkit. */
const LEAVE_TO_PDFKIT = Symbol('leave to pdfkit');

const ESCAPED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

/** A PDF string as pdfkit's PDFObject.convert writes a String object (unencrypted): ASCII as is, else UTF-16BE with a byte order mark. */
export function pdfString(text: string): string {
  let unicode = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      unicode = true;
      break;
    }
  }
  let binary = text;
  if (unicode) {
    const codes: string[] = ['\u00fe\u00ff'];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      codes.push(String.fromCharCode(code >> 8, code & 0xff));
    }
    binary = codes.join('');
  }
  return `(${binary.replace(/[\n\r\t\b\f()\\]/g, (c) => ESCAPED[c]!)})`;
}

/**
 * pdfkit's PDFObject.convert (without encryption) for the values a hirekit PDF's objects hold: names,
 * strings, numbers, booleans, null, arrays, plain dictionaries and references. Anything else (a date,
 * bytes, a name tree, a spot colour, a number pdfkit refuses) throws LEAVE_TO_PDFKIT.
 */
export function pdfValue(value: unknown, Reference: abstract new () => object): string {
  switch (typeof value) {
    case 'string':
      return `/${value}`;
    case 'number':
      if (!(value > -1e21 && value < 1e21)) throw LEAVE_TO_PDFKIT;
      return String(Math.round(value * 1e6) / 1e6);
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (value instanceof String) return pdfString(value.valueOf());
      if (value instanceof Uint8Array) throw LEAVE_TO_PDFKIT;
      if (value instanceof Reference) return value.toString();
      if (value instanceof Date) throw LEAVE_TO_PDFKIT;
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          items.push(pdfValue(item === undefined ? null : item, Reference));
        }
        return `[${items.join(' ')}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if ((prototype === Object.prototype || prototype === null) && Object.prototype.toString.call(value) === '[object Object]') {
        const out = ['<<'];
        for (const [key, text] of dictionaryEntries(value as Record<string, unknown>, Reference)) out.push(`/${key} ${text}`);
        out.push('>>');
        return out.join('\n');
      }
      throw LEAVE_TO_PDFKIT;
    }
    default:
      throw LEAVE_TO_PDFKIT;
  }
}

/** A dictionary's entries, converted, in pdfkit's order (for...in, undefined values left out). */
function dictionaryEntries(dictionary: Record<string, unknown>, Reference: abstract new () => object): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const key in dictionary) {
    const value = dictionary[key];
    if (value === undefined) continue;
    entries.push([key, pdfValue(value, Reference)]);
  }
  return entries;
}

/**
 * PDFReference.finalize, given the bytes of the lines fastReferenceWrite kept as text, and with the
 * object's dictionary converted by pdfValue (most of pdfkit's convert is telling kinds of values apart;
 * a tagged PDF has an object per structure element). pdfkit's finalize still writes the object: it is
 * handed a stand-in dictionary, a reference whose text is the converted dictionary, with the Length
 * finalize sets after compressing the stream. A dictionary holding anything pdfValue leaves to pdfkit, an
 * object that is not a plain dictionary and an encrypted document go through pdfkit's convert.
 */
export function fastFinalize(Reference: abstract new () => object): (original: Method) => Method {
  const References = Reference as unknown as new () => object;
  /** The dictionary as pdfkit's convert sees it: a reference, whose text is the converted entries with the Length finalize sets. */
  class StandIn extends References {
    readonly #data: Record<string, unknown>;
    readonly #entries: ReadonlyArray<[string, string | undefined]>;
    constructor(data: Record<string, unknown>, entries: ReadonlyArray<[string, string | undefined]>) {
      super();
      this.#data = data;
      this.#entries = entries;
    }
    get Length(): unknown {
      return this.#data.Length;
    }
    set Length(length: unknown) {
      this.#data.Length = length;
    }
    override toString(): string {
      const data = this.#data;
      const out = ['<<'];
      let length = false;
      for (const [key, text] of this.#entries) {
        if (key === 'Length') {
          length = true;
          if (data.Length !== undefined) out.push(`/Length ${pdfValue(data.Length, Reference)}`);
        } else if (text !== undefined) out.push(`/${key} ${text}`);
      }
      // Set by finalize when the dictionary had no Length: the last key, as for...in gives it.
      if (!length && data.Length !== undefined) out.push(`/Length ${pdfValue(data.Length, Reference)}`);
      out.push('>>');
      return out.join('\n');
    }
  }
  return (original) => {
    const finalize = original as (this: Reference) => unknown;
    return function (this: Reference & { document: { _security?: unknown } }): unknown {
      if (Array.isArray(this.buffer) && this.buffer.some((part) => typeof part === 'string')) this.buffer = streamBytes(this.buffer);
      const data = this.data as Record<string, unknown>;
      const prototype = data !== null && typeof data === 'object' ? (Object.getPrototypeOf(data) as unknown) : undefined;
      if (this.document._security || (prototype !== Object.prototype && prototype !== null) || Object.prototype.toString.call(data) !== '[object Object]') return finalize.call(this);
      // Every key in for...in order, an undefined value (left out) included: finalize may set Length.
      const entries: Array<[string, string | undefined]> = [];
      try {
        for (const key in data) {
          const value = data[key];
          entries.push([key, value === undefined ? undefined : pdfValue(value, Reference)]);
        }
      } catch (error) {
        if (error === LEAVE_TO_PDFKIT) return finalize.call(this);
        throw error;
      }
      const standIn = new StandIn(data, entries) as unknown as Reference['data'];
      this.data = standIn;
      try {
        return finalize.call(this);
      } finally {
        this.data = data as Reference['data'];
      }
    } as Method;
  };
}
