/**
 * Text files as the user's editor and pip read them: UTF-8 (with or without a byte-order mark), or UTF-16 LE/BE with
 * one (PowerShell's `pip freeze > requirements.txt` writes UTF-16 LE with a BOM). Pure.
 */

/** How a file's bytes were encoded, so a fix can write it back the same way. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The text of a file's bytes and their encoding, or why they are no text. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | { reason: string } {
  const encoding = encodingOf(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // An odd byte count or an unpaired surrogate is no UTF-16 text.
    if (bytes.length % 2 !== 0) return { reason: 'not valid UTF-16 text (odd number of bytes)' };
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    } catch {
      return { reason: 'not valid UTF-16 text' };
    }
    if (text.includes('\0')) return { reason: 'binary content (NUL characters), not text' };
    return { text, encoding };
  }
  const body = encoding === 'utf-8-bom' ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { reason: 'binary content (NUL bytes), not text' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

/** The encoding the byte-order mark says, UTF-8 when there is none. */
export function encodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  return 'utf-8';
}

/** A text encoded as `encoding`, its byte-order mark included. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
