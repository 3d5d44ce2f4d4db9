// Reading an import file's bytes as text, as councils actually hold them: UTF-8 with or without a byte order mark,
// and Windows-1252 as Excel writes "CSV (Comma delimited)"; anything else (UTF-16, Shift_JIS, a binary file…) is
// refused, naming what it looks like. Files stream through: a national file never sits whole in memory.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportRejected, type ImportSource } from './framework.js';

/** The text encodings Steward reads. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** The encodings Steward refuses by name when the detector recognises them (non-Latin or multi-byte). */
const NAMED_FOREIGN = /^(UTF-16|UTF-32|Shift_JIS|EUC-|ISO-2022|GB18030|Big5|KOI8|windows-125[15678]|ISO-8859-[5678])/i;
/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const HOW_TO_SAVE = 'save it from Excel as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)"';

/**
 * Refuses the whole file with `message` (about the file, not one line).
 * @throws ImportRejected always, naming the file and the field `file`
 */
export function refuse(source: ImportSource, message: string): never {
  throw new ImportRejected(source.fileName, [{ line: null, field: 'file', message }]);
}

const mixed = (line: number) =>
  `the file mixes encodings: it is UTF-8 before line ${line}, where a character is not valid UTF-8; ${HOW_TO_SAVE}`;

function guessEncoding(sample: Buffer): string | null {
  const best = chardet.analyse(sample)[0];
  return best ? best.name : null;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Offset of the first byte at or after `from` that is not part of a well-formed UTF-8 sequence, or -1; a sequence
 * cut off by the end of the buffer counts as well formed (the next chunk completes it).
 */
export function firstInvalidUtf8(buf: Uint8Array, from = 0): number {
  let i = from;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return -1;
      const c = buf[i + k];
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

async function* chunksOf(source: ImportSource): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source.open() as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += b.length;
    source.onProgress?.(bytes);
    yield b;
  }
}

/**
 * The file's text, decoded as it streams. The encoding is decided at the first byte above 0x7F (until then
 * UTF-8 and Windows-1252 read the same): valid UTF-8 there means UTF-8 for the whole file (a later invalid
 * sequence is refused with its line), otherwise Windows-1252 unless the detector recognises another encoding.
 * A UTF-8 byte order mark is dropped. `onEncoding` is told the encoding once decided ('utf-8' for plain ASCII).
 * @throws ImportRejected (field "file") for UTF-16/32, binary files, non-Latin encodings, or mixed encodings.
 */
export async function* decodeText(
  source: ImportSource,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  let mode: 'ascii' | TextEncoding = 'ascii';
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let linesSoFar = 0;
  const emit = (text: string) => {
    linesSoFar += countLines(text);
    return text;
  };
  for await (let chunk of chunksOf(source)) {
    if (first) {
      first = false;
      if (chunk.length >= 4 && chunk.readUInt32LE(0) === 0x0000feff)
        refuse(source, `the file is encoded as UTF-32LE: ${HOW_TO_SAVE}`);
      if (chunk.length >= 4 && chunk.readUInt32BE(0) === 0x0000feff)
        refuse(source, `the file is encoded as UTF-32BE: ${HOW_TO_SAVE}`);
      if (chunk[0] === 0xff && chunk[1] === 0xfe) refuse(source, `the file is encoded as UTF-16LE: ${HOW_TO_SAVE}`);
      if (chunk[0] === 0xfe && chunk[1] === 0xff) refuse(source, `the file is encoded as UTF-16BE: ${HOW_TO_SAVE}`);
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        mode = 'utf-8';
        onEncoding?.('utf-8');
        chunk = chunk.subarray(3);
      }
      const nul = chunk.subarray(0, 65536).indexOf(0);
      if (nul >= 0) {
        const guess = guessEncoding(chunk.subarray(0, 65536));
        refuse(
          source,
          guess && /^UTF-(16|32)/i.test(guess)
            ? `the file is encoded as ${guess}: ${HOW_TO_SAVE}`
            : `the file is not text (it holds a zero byte at offset ${nul}): expected CSV, XLSX or JSON`,
        );
      }
    }
    if (mode === 'ascii') {
      let i = 0;
      while (i < chunk.length && chunk[i] < 0x80) i++;
      if (i === chunk.length) {
        yield emit(chunk.toString('latin1'));
        continue;
      }
      const invalid = firstInvalidUtf8(chunk, i);
      if (invalid < 0) {
        mode = 'utf-8';
        onEncoding?.('utf-8');
      } else {
        const guess = guessEncoding(chunk);
        if (guess && NAMED_FOREIGN.test(guess))
          refuse(source, `the file looks encoded as ${guess}, which Steward does not read: ${HOW_TO_SAVE}`);
        if (invalid > i) refuse(source, mixed(linesSoFar + countLines(chunk.toString('latin1', 0, invalid)) + 1));
        mode = 'windows-1252';
        onEncoding?.('windows-1252');
      }
    }
    if (mode === 'utf-8') {
      try {
        yield emit(utf8.decode(chunk, { stream: true }));
      } catch {
        const at = Math.max(0, firstInvalidUtf8(chunk));
        refuse(source, mixed(linesSoFar + countLines(chunk.toString('latin1', 0, at)) + 1));
      }
    } else {
      for (let j = 0; j < chunk.length; j++) {
        if (CP1252_UNDEFINED.has(chunk[j])) {
          const guess = guessEncoding(chunk);
          const line = linesSoFar + countLines(chunk.toString('latin1', 0, j)) + 1;
          refuse(
            source,
            `the file is neither UTF-8 nor Windows-1252 (byte 0x${chunk[j].toString(16).toUpperCase()} on line ${line})${guess ? `; it looks like ${guess}` : ''}: ${HOW_TO_SAVE}`,
          );
        }
      }
      yield emit(iconv.decode(chunk, 'win1252'));
    }
  }
  if (mode === 'utf-8') {
    try {
      const tail = utf8.decode();
      if (tail) yield tail;
    } catch {
      refuse(source, 'the file ends part-way through a UTF-8 character: it may have been cut short');
    }
  }
}

/** The whole text of a (small) file, decoded as {@link decodeText} does. */
export async function readText(source: ImportSource): Promise<string> {
  let text = '';
  for await (const part of decodeText(source)) text += part;
  return text;
}
