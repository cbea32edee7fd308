import { readParserDirectives } from './dockerfile-directives.js';
import { splitInstructions } from './dockerfile-instructions.js';
import { rememberedParser } from './memo.js';

export interface DockerfileHeredoc {
  name: string;
  /** `<<-`: leading tabs are stripped from the body. */
  stripTabs: boolean;
  /** The delimiter was quoted (`<<"EOF"`, `<<'EOF'`): no expansion in the body. */
  quoted: boolean;
  body: string;
  /** File line of the body's first line (1-based). */
  bodyLine: number;
}

export interface DockerfileInstruction {
  /** Upper case, as Docker reads it (may be garbage for a line that is not an instruction). */
  keyword: string;
  line: number; // 1-based, the keyword's line
  endLine: number;
  /** The arguments as one logical line: continuations joined, comment lines inside them dropped, heredoc bodies left out. */
  args: string;
  /**
   * The arguments with their physical lines kept, for the shell parser: continuation escapes normalised to `\`,
   * comment or blank lines inside a continuation replaced by a lone `\`, heredoc bodies verbatim. Line k of this
   * text is file line `argsLine + k - 1`.
   */
  shellText: string;
  argsLine: number;
  heredocs: DockerfileHeredoc[];
  /**
   * Lines that start with an instruction keyword (`COPY ./src /app`) but follow a blank line inside this instruction's
   * continuation, which Docker skips: it reads them as more arguments of this instruction. `afterLine`: the blank line.
   */
  joined?: { keyword: string; line: number; text: string; afterLine: number }[];
}

export interface DockerfileSyntax {
  /** The escape character (`\` unless a `# escape=` directive says otherwise). */
  escape: string;
  instructions: DockerfileInstruction[];
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const INSTRUCTION_KEYWORDS = new Set(
  'ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR'.split(
    ' ',
  ),
);
const HEREDOC_MARKER = /(?<!<)<<(-?)(["']?)([A-Za-z0-9_.-]+)\2/g;

/** Dockerfile text → instructions with positions. No judgement; never throws on bad input. */
export const parseDockerfile: (source: string) => DockerfileSyntax = rememberedParser(
  parseDockerfileText,
  (source) => source,
);

function parseDockerfileText(source: string): DockerfileSyntax {
  const text = source.replace(/\r\n?/g, '\n');
  const { escape, instructionsFrom } = readParserDirectives(text);
  const lines = text.split('\n');
  const lineStarts = startOffsets(lines);
  const instructions: DockerfileInstruction[] = [];
  for (const span of splitInstructions(text, escape, instructionsFrom)) {
    const keyword = span.keyword.toUpperCase();
    // Arguments start right after the keyword (flags such as --from= are arguments here).
    const argsLine = lineAt(lineStarts, span.keywordEnd);
    const endLine = lineAt(lineStarts, span.end);
    const physical = lines.slice(argsLine, endLine + 1);
    physical[0] = (physical[0] ?? '').slice(span.keywordEnd - lineStarts[argsLine]);
    instructions.push({
      keyword,
      line: lineAt(lineStarts, span.start) + 1,
      endLine: endLine + 1,
      argsLine: argsLine + 1,
      ...splitArguments(physical, argsLine + 1, escape, HEREDOC_KEYWORDS.has(keyword)),
    });
  }
  return { escape, instructions };
}

function startOffsets(lines: string[]): number[] {
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += lines[i].length + 1;
  }
  return starts;
}

/** The 0-based line holding `offset`: the last line that starts at or before it. */
function lineAt(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function splitArguments(
  physical: string[],
  firstLine: number,
  escape: string,
  heredocsAllowed: boolean,
): Pick<DockerfileInstruction, 'args' | 'shellText' | 'heredocs' | 'joined'> {
  const continuation = new RegExp(`${escapeRegExp(escape)}[ \\t]*$`);
  const shellLines: string[] = [];
  const heredocs: DockerfileHeredoc[] = [];
  let args = '';
  let continuing = false;
  let logicalDone = false;
  let pending: { name: string; stripTabs: boolean; quoted: boolean }[] = [];
  let body: string[] = [];
  let bodyLine = 0;
  const joined: NonNullable<DockerfileInstruction['joined']> = [];
  let dropped: number | undefined; // the file line of the blank line just dropped
  physical.forEach((line, i) => {
    if (logicalDone) {
      shellLines.push(line);
      const current = pending[0];
      if (!current) return; // text after the heredocs: not expected, kept for the shell
      const content = current.stripTabs ? line.replace(/^\t+/, '') : line;
      if (content === current.name) {
        heredocs.push({ ...current, body: body.length ? `${body.join('\n')}\n` : '', bodyLine });
        pending = pending.slice(1);
        body = [];
        bodyLine = firstLine + i + 1;
      } else {
        body.push(content);
      }
      return;
    }
    if (i > 0 && continuing && (line.trim() === '' || line.trimStart().startsWith('#'))) {
      shellLines.push('\\'); // Docker drops these lines; a lone escape keeps the shell's lines aligned
      if (line.trim() === '') dropped = firstLine + i;
      return;
    }
    const keyword = /^\s*([A-Z]+)\s/.exec(line)?.[1];
    if (dropped !== undefined && keyword && INSTRUCTION_KEYWORDS.has(keyword))
      joined.push({ keyword, line: firstLine + i, text: line.trim(), afterLine: dropped });
    dropped = undefined;
    const m = continuation.exec(line);
    if (m && i < physical.length - 1) {
      const content = line.slice(0, m.index);
      args += content;
      shellLines.push(`${content}\\`);
      continuing = true;
      return;
    }
    args += line;
    shellLines.push(line);
    continuing = false;
    logicalDone = true;
    if (heredocsAllowed) {
      for (const h of args.matchAll(HEREDOC_MARKER)) {
        pending.push({ name: h[3], stripTabs: h[1] === '-', quoted: h[2] !== '' });
      }
      bodyLine = firstLine + i + 1;
    }
  });
  // An unterminated heredoc runs to the end of the instruction, as dockerfile-ast read it.
  if (pending[0] && body.length) heredocs.push({ ...pending[0], body: `${body.join('\n')}\n`, bodyLine });
  return {
    args: args.trim(),
    shellText: shellLines.join('\n'),
    heredocs,
    ...(joined.length > 0 ? { joined } : {}),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits instruction arguments into words on unquoted whitespace, quotes and escapes kept (Docker's word rules). */
export function splitWords(s: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      word += c;
      if (c === escape && quote === '"' && i + 1 < s.length) word += s[++i];
      else if (c === quote) quote = undefined;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += c;
    if (c === escape && i + 1 < s.length) word += s[++i];
    else if (c === '"' || c === "'") quote = c;
  }
  if (inWord) words.push(word);
  return words;
}
