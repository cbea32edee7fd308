/**
 * Orders text as `a.localeCompare(b)` does, without loading ICU's collator for the common case: starting the
 * collator costs more than a whole small review's rules (about 10 ms), and paths and rule ids are printable ASCII.
 */

/** Printable ASCII in the order of the Unicode root collation (CLDR), which localeCompare follows for these. */
const ROOT_ORDER = ` _-,;:!?.'"()[]{}@*/\\&#%\`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ`;

/** Primary weight per character code (a letter's two cases share one); 0 outside printable ASCII. */
const PRIMARY = new Uint8Array(128);
for (let i = 0, weight = 0; i < ROOT_ORDER.length; i++) {
  const c = ROOT_ORDER[i];
  if (!(c >= 'A' && c <= 'Z')) weight++;
  PRIMARY[ROOT_ORDER.charCodeAt(i)] = weight;
}

function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** Negative, zero or positive as `a.localeCompare(b)`: letters by the alphabet first, then lower case before upper. */
export function compareText(a: string, b: string): number {
  if (!isPrintableAscii(a) || !isPrintableAscii(b)) return a.localeCompare(b);
  let caseOrder = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    const pa = PRIMARY[ca];
    const pb = PRIMARY[cb];
    if (pa !== pb) return pa < pb ? -1 : 1;
    // The same letter in another case decides only when nothing else does, by its first occurrence.
    if (caseOrder === 0) caseOrder = ca > cb ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return caseOrder;
}
