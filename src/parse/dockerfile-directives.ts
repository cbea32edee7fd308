/**
 * The parser directives at the top of a Dockerfile (`# escape=\``, `# syntax=…`), read as dockerfile-ast 0.7 reads
 * them, which the analysis has always followed: directives are `#` lines at the very top (leading spaces allowed),
 * the first blank line, plain comment or other line ends them, and so does trailing whitespace after a value.
 * The text has `\n` line ends only.
 */
export interface ParserDirectives {
  /** The escape character: the first `escape` directive whose value is `\` or `` ` ``, else `\`. */
  escape: string;
  /** Where the instructions begin: the line after as many lines as there were directives. */
  instructionsFrom: number;
}

export function readParserDirectives(text: string): ParserDirectives {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let count = 0;
  let escape: string | undefined;
  scan: for (let i = bom; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') continue;
    if (c !== '#') break;
    let nameStart = -1;
    let nameEnd = -1;
    for (let j = i + 1; j < text.length; j++) {
      const d = text[j];
      if (d === ' ' || d === '\t') {
        if (nameStart !== -1 && nameEnd === -1) nameEnd = j;
      } else if (d === '\n') {
        break scan;
      } else if (d === '=') {
        if (nameStart === -1) break scan; // `#=…`: a comment
        if (nameEnd === -1) nameEnd = j;
        const value = directiveValue(text, j + 1);
        count++;
        if (escape === undefined && text.slice(nameStart, nameEnd).toLowerCase() === 'escape') {
          const candidate = text.slice(value.start, value.end);
          if (candidate === '\\' || candidate === '`') escape = candidate;
        }
        i = value.end; // the loop steps over the line end, or onto what follows the value's trailing whitespace
        continue scan;
      } else if (nameStart === -1) {
        nameStart = j;
      }
    }
    break; // a comment without `=` running to the end of the text
  }
  return { escape: escape ?? '\\', instructionsFrom: count > 0 ? lineStart(text, count) : bom };
}

/** The directive's value from `from` (just after `=`): its first word, or the whole rest of the line when blank. */
function directiveValue(text: string, from: number): { start: number; end: number } {
  let start = -1;
  let end = -1;
  let lineEnd = text.length;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '\n' || c === ' ' || c === '\t') {
      if (start !== -1 && end === -1) end = k;
      if (c === '\n') {
        lineEnd = k;
        break;
      }
    } else if (start === -1) {
      start = k;
    }
  }
  if (start === -1) return { start: from, end: lineEnd };
  return { start, end: end === -1 ? text.length : end };
}

/** The offset of line `line` (0-based), or the end of the text when it has fewer lines. */
function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let n = 0; n < line; n++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return offset;
}
