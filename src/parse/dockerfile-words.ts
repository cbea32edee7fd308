/**
 * An instruction's arguments split into words the way dockerfile-ast 0.7 splits them, which decides where Docker's
 * heredocs begin (a word starting `<<`), which leading words are flags, and what ONBUILD's trigger is. Escaped
 * newlines join a word across lines, comment lines inside a continuation are skipped, an escape before another
 * character keeps that character (before `$`, the escape too). The text has `\n` line ends only.
 */
export interface ArgumentWord {
  value: string;
  /** Offsets in the text: from the word's first character to just after its last. */
  start: number;
  end: number;
}

export function argumentWords(text: string, from: number, to: number, escape: string): ArgumentWord[] {
  const words: ArgumentWord[] = [];
  const args = text.slice(from, to);
  let lineStart = false; // just after an escaped newline, where `#` starts a comment line
  let comment = false;
  let found = -1; // where the current word starts, -1 between words
  let escapedWhitespace = false; // whitespace after an escape that has not (yet) turned out to end the line
  let escaping = false; // inside an escaped newline sequence
  let escapeMarker = -1; // where the current word ends if the escape turns out to end it
  let value = '';
  const endWord = (end: number): void => {
    words.push({ value, start: from + found, end: from + end });
    value = '';
    found = -1;
  };
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (escaping) {
        escapedWhitespace = c !== '\n';
        if (c === '\n' && comment) {
          comment = false;
          lineStart = true;
        }
      } else if (found !== -1) {
        endWord(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
      }
    } else if (c === escape) {
      const next = args.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < args.length; j++) {
          const after = args[j];
          if (after === ' ' || after === '\t') continue;
          if (after === '\n') {
            comment = false;
            escaping = true;
            lineStart = true;
            if (found !== -1) escapeMarker = i;
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        lineStart = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespace && escapeMarker !== -1) endWord(escapeMarker);
        escapeMarker = -1;
        escapedWhitespace = false;
        escaping = false;
        if (next === '') break;
        value += next === '$' ? c + next : next;
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (lineStart && c === '#') {
        comment = true;
      } else {
        if (escapedWhitespace && escapeMarker !== -1) endWord(escapeMarker);
        escapedWhitespace = false;
        escaping = false;
        escapeMarker = -1;
        value += c;
        if (found === -1) found = i;
      }
      lineStart = false;
    }
  }
  if (found !== -1) endWord(escapeMarker === -1 ? args.length : escapeMarker);
  return words;
}
