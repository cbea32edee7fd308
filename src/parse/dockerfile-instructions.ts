import { argumentWords } from './dockerfile-words.js';

/**
 * Where each instruction of a Dockerfile starts and ends, read as dockerfile-ast 0.7 reads it (the analysis has
 * always followed its reading, garbage lines included): an instruction is a line's first word and runs to the first
 * line end that no escape continues, past blank and comment lines inside a continuation, and past the bodies of
 * the heredocs of RUN, COPY and ADD (also behind ONBUILD). The text has `\n` line ends only.
 */
export interface InstructionSpan {
  /** As written (an escaped newline inside it is left out; a lone escape inside it is kept). */
  keyword: string;
  /** Offsets in the text: the keyword's first character, the end of the keyword, the end of the instruction. */
  start: number;
  keywordEnd: number;
  end: number;
}

export function splitInstructions(text: string, escape: string, from: number): InstructionSpan[] {
  const spans: InstructionSpan[] = [];
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') continue;
    if (c === '#') i = lineEnd(text, i);
    else i = readInstruction(text, escape, i, spans);
  }
  return spans;
}

/** Reads the instruction whose keyword starts at `start`, adds it to `spans`, returns where it ends. */
function readInstruction(text: string, escape: string, start: number, spans: InstructionSpan[]): number {
  let keyword = text[start];
  let keywordEnd = -1;
  let afterEscape = false; // the keyword went on past an escape: whitespace and `#` do not end it yet
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === escape) {
      afterEscape = true;
      const next = text.charAt(i + 1);
      if (next === '\n') {
        if (keywordEnd === -1) keywordEnd = i;
        i++;
      } else if (next === ' ' || next === '\t') {
        const j = skipBlanks(text, i + 2);
        if (j === text.length) {
          spans.push({ keyword: keyword + escape, start, keywordEnd: i + 1, end: text.length });
          return text.length;
        }
        if (text[j] === '\n') {
          i = j;
          continue;
        }
        keywordEnd = i + 1;
        keyword += escape;
        i = j - 2; // the loop steps onto the blank before the argument, which ends the keyword
      } else {
        keywordEnd = i + 1;
        keyword += escape;
        afterEscape = false;
      }
    } else if (c === ' ' || c === '\t') {
      if (afterEscape) {
        const j = skipBlanks(text, i + 1);
        if (j < text.length && text[j] === '\n') {
          i = j;
          continue;
        }
      }
      if (keywordEnd === -1) keywordEnd = i;
      const end = readArguments(text, escape, keyword, keywordEnd, i);
      spans.push({ keyword, start, keywordEnd, end });
      return end;
    } else if (c === '\n') {
      if (afterEscape) continue;
      spans.push({ keyword, start, keywordEnd: i, end: i });
      return i;
    } else if (c !== '#' || !afterEscape) {
      keywordEnd = i + 1;
      keyword += c;
      afterEscape = false;
    }
  }
  spans.push({ keyword, start, keywordEnd: keywordEnd === -1 ? text.length : keywordEnd, end: text.length });
  return text.length;
}

/** From the blank after the keyword at `from`: where the instruction ends (the end of its last heredoc, if any). */
function readArguments(
  text: string,
  escape: string,
  keyword: string,
  keywordEnd: number,
  from: number,
): number {
  let escaped = false; // after an escaped newline, until the next argument: blank and `#` lines do not end it
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (!escaped) return skipHeredocs(text, escape, keyword, keywordEnd, i);
    } else if (c === escape) {
      const next = text.charAt(i + 1);
      if (next === '\n') {
        escaped = true;
        i++;
      } else if (next === ' ' || next === '\t') {
        const j = skipBlanks(text, i + 2);
        if (j === text.length) return text.length;
        if (text[j] === '\n') escaped = true;
        i = j; // whatever follows the blanks is stepped over, even an escape or a `#`
      }
    } else if (c === '#') {
      if (escaped) i = lineEnd(text, i);
    } else if (c !== ' ' && c !== '\t') {
      escaped = false;
    }
  }
  return text.length;
}

/** The instruction's logical line ends at `end`: its heredocs' bodies follow, one after another. */
function skipHeredocs(
  text: string,
  escape: string,
  keyword: string,
  keywordEnd: number,
  end: number,
): number {
  let name = keyword.toUpperCase();
  let argsFrom = keywordEnd;
  // No `<` in the arguments: no word can start with `<<` (every character of a word is one of the text's).
  if (!hasHeredocKeyword(name) && name !== 'ONBUILD') return end;
  const angle = text.indexOf('<', keywordEnd);
  if (angle === -1 || angle >= end) return end;
  if (name === 'ONBUILD') {
    const trigger = argumentWords(text, keywordEnd, end, escape)[0];
    if (trigger === undefined) return end;
    name = text.slice(trigger.start, trigger.end).toUpperCase();
    argsFrom = trigger.end;
    if (!hasHeredocKeyword(name)) return end;
  }
  const words = argumentWords(text, argsFrom, end, escape);
  let tabbed = false;
  const delimiters: string[] = [];
  for (const word of words.slice(flagCount(words))) {
    const value = word.value;
    if (!value.startsWith('<<') || value.length <= 2) continue;
    if (value.startsWith('<<-')) tabbed = true; // then every heredoc of the instruction may indent its delimiter
    const delimiter = heredocDelimiter(value);
    if (delimiter !== null) delimiters.push(delimiter);
  }
  let offset = end;
  for (const delimiter of delimiters) offset = heredocEnd(text, delimiter, offset, tabbed);
  return offset;
}

function hasHeredocKeyword(keyword: string): boolean {
  return keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD';
}

/**
 * How many leading words are flags: words are read while they contain `--`, those starting with it count. (That
 * many words are then dropped from the front, whichever they are.)
 */
function flagCount(words: { value: string }[]): number {
  let flags = 0;
  for (const { value } of words) {
    if (!value.includes('--')) break;
    if (value.startsWith('--')) flags++;
  }
  return flags;
}

/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'` → `EOF`; null for an unbalanced quote or `<<<`. */
function heredocDelimiter(word: string): string | null {
  let name = word.substring(2);
  if (name.charAt(0) === '-') name = name.substring(1);
  for (const quote of ['"', "'"]) {
    if (name.charAt(0) !== quote) continue;
    if (name.charAt(name.length - 1) !== quote) return null;
    name = name.substring(1, name.length - 1); // substring, not slice: a lone quote stays itself
  }
  return name.charAt(0) === '<' ? null : name;
}

/**
 * From the line end at `from`: the line end after the line that is exactly `delimiter` (after leading tabs when
 * `tabbed`), or the end of the text.
 */
function heredocEnd(text: string, delimiter: string, from: number, tabbed: boolean): number {
  let wordStart = -1;
  let atLineStart = true;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (wordStart !== -1 && i - wordStart === delimiter.length && text.startsWith(delimiter, wordStart))
        return i;
      wordStart = -1;
      atLineStart = true;
    } else if (c === ' ' || (c === '\t' && !tabbed)) {
      atLineStart = false;
    } else if (c !== '\t' && atLineStart) {
      wordStart = i;
      atLineStart = false;
    }
  }
  return text.length;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** The end of the line holding `from`: its `\n`, or the end of the text. */
function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from + 1);
  return newline === -1 ? text.length : newline;
}
