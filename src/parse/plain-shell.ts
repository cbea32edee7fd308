import { rememberedParser } from './memo.js';

/**
 * A fast reading of the plainest shell scripts: words joined by newlines, `;`, `&&`, `||` and `|`, with line
 * continuations; a word may hold quotes without expansions ('a b', "a b"). The full parser (mvdan-sh, compiled from
 * Go) costs about a millisecond a script, which a Dockerfile of tens of thousands of `RUN pip install x` lines turns
 * into minutes, and about 0.15 s to load; these need no real parser. Anything else (expansions, escapes,
 * redirections, globs, comments, keywords, assignments) is left to it.
 */

/** Characters of a word that mean nothing to the shell (string tests: each regular expression costs a compilation). */
const WORD_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./=:@+,%-';
/** Characters that end a word: blanks and operators. */
const WORD_ENDS = ' \t\n;&|<>';
const isRedirectStart = (c: string | undefined) => c === '<' || c === '>';
/** Words the shell reads as syntax (or a builtin the parser models apart) at the start of a command. */
const KEYWORDS = new Set([
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'for',
  'in',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'select',
  'function',
  'time',
  'coproc',
  'declare',
  'export',
  'local',
  'readonly',
  'typeset',
  'nameref',
  'let',
]);
const ECHOES = new Set(['echo', 'printf']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

export interface PlainCommand {
  argv: string[];
  /** 1-based line of the command's first word in the text. */
  line: number;
  /** 1-based line each word of argv starts on. */
  wordLines: number[];
  /** `>`, `>>`, `<` and `>&`/`<&` redirections, an fd number before the operator (`2>&1`), in source order. */
  redirects: { op: string; target: string }[];
  /** `&&` or `||` when the command follows one of them. */
  after?: '&&' | '||';
}

/** Characters a double-quoted plain word may not hold: they expand or escape. */
const DOUBLE_QUOTED_SPECIAL = /[$`\\]/;

/**
 * The simple commands of `text` in source order, or undefined when the text is more than plain words. Remembered:
 * the model reads one compose command or RUN line again for each question it asks of it.
 */
export const plainCommands: (text: string) => PlainCommand[] | undefined = rememberedParser(
  readPlainCommands,
  (t) => t,
);

function readPlainCommands(text: string): PlainCommand[] | undefined {
  const out: PlainCommand[] = [];
  let current: PlainCommand | undefined;
  let needCommand = false; // after an operator, a command must follow
  let after: PlainCommand['after']; // the `&&` or `||` before the next command
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '\\' && text[i + 1] === '\n' && i > 0 && /[ \t\n]/.test(text[i - 1])) {
      i += 2; // a continuation between words
      line++;
    } else if (c === '\n' || c === ';') {
      if (current) out.push(current);
      else if (c === ';') return undefined;
      // a line end right after `&&` continues the list: the connector stays for the command after it
      if (current) after = undefined;
      current = undefined;
      if (c === '\n') line++;
      i++;
    } else if (c === '>' || c === '<') {
      const redirect = readRedirect(text, i, current);
      if (!redirect) return undefined;
      current!.redirects.push(redirect.redirect);
      line += redirect.newlines;
      i = redirect.end;
    } else if (c === '&' || c === '|') {
      const double = text[i + 1] === c;
      if (!current || (c === '&' && !double) || (c === '|' && text[i + 1] === '&')) return undefined;
      // What echo or printf pipes into the next command is its stdin, which the full parser reads.
      if (c === '|' && !double && ECHOES.has(current.argv[0])) return undefined;
      out.push(current);
      current = undefined;
      needCommand = true;
      after = double ? (c === '&' ? '&&' : '||') : undefined;
      i += double ? 2 : 1;
    } else {
      const word = readWord(text, i);
      if (!word) return undefined;
      const raw = text.slice(i, word.end);
      const beforeRedirect = isRedirectStart(text[word.end]);
      // mvdan reads digits that end a word right before the operator as a file descriptor, even after quotes
      if (beforeRedirect && /\d$/.test(raw) && !/^\d+$/.test(raw)) return undefined;
      if (beforeRedirect && /^\d+$/.test(raw)) {
        // `2>file`: digits right before the operator are its file descriptor, not a word
        const redirect = readRedirect(text, word.end, current, word.value);
        if (!redirect) return undefined;
        current!.redirects.push(redirect.redirect);
        line += redirect.newlines;
        i = redirect.end;
        continue;
      }
      if (current) {
        current.argv.push(word.value);
        current.wordLines.push(line);
      } else {
        if (KEYWORDS.has(word.value) || ASSIGNMENT.test(word.value)) return undefined;
        current = { argv: [word.value], line, wordLines: [line], redirects: [] };
        if (after) current.after = after;
        needCommand = false;
      }
      line += word.newlines;
      i = word.end;
    }
  }
  if (current) out.push(current);
  return needCommand ? undefined : out;
}

/** The word at `start`: bare characters and quotes without expansions, up to a blank or an operator. */
function readWord(text: string, start: number): { value: string; end: number; newlines: number } | undefined {
  let value = '';
  let newlines = 0;
  let i = start;
  while (i < text.length && !WORD_ENDS.includes(text[i])) {
    const c = text[i];
    if (WORD_CHARS.includes(c)) {
      let end = i + 1;
      while (end < text.length && WORD_CHARS.includes(text[end])) end++;
      value += text.slice(i, end);
      i = end;
    } else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return undefined;
      const quoted = text.slice(i + 1, close);
      if (c === '"' && DOUBLE_QUOTED_SPECIAL.test(quoted)) return undefined;
      value += quoted;
      newlines += quoted.split('\n').length - 1;
      i = close + 1;
    } else {
      return undefined;
    }
  }
  return i > start ? { value, end: i, newlines } : undefined;
}

/**
 * The redirection at `start` (`>`, `>>`, `<`, `>&`, `<&`) and its target word, blanks allowed between; only after a
 * command's first word (a leading redirection is left to the full parser), and never a here-document.
 */
function readRedirect(
  text: string,
  start: number,
  current: PlainCommand | undefined,
  fd = '',
): { redirect: { op: string; target: string }; end: number; newlines: number } | undefined {
  const op = /^(>>|>&|<&|>|<)/.exec(text.slice(start, start + 2))?.[1];
  if (!current || !op || /^[<>|]/.test(text[start + op.length] ?? '')) return undefined;
  let i = start + op.length;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const target = readWord(text, i);
  // a target ending in digits right before another operator would be read as that one's file descriptor
  if (!target || isRedirectStart(text[target.end])) return undefined;
  return { redirect: { op: `${fd}${op}`, target: target.value }, end: target.end, newlines: target.newlines };
}
