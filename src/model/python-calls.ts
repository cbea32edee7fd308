/** Calls in Python source found by name, with their arguments split as Python does (brackets balanced, strings kept). */

/** One argument of a call: `name` for a keyword argument, the expression text otherwise. */
export interface CallArgument {
  name?: string;
  text: string;
  /** Offset in the source text where the argument starts. */
  index: number;
}

export interface PythonCall {
  /** Offset of the function name in the text. */
  index: number;
  args: CallArgument[];
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Every call of a function named `name` (a word, as in `User.objects.create_superuser(`) in `text`. */
export function callsNamed(text: string, name: RegExp): PythonCall[] {
  const out: PythonCall[] = [];
  const re = new RegExp(String.raw`\b(?:${name.source})\s*\(`, 'g');
  for (const m of text.matchAll(re)) {
    const args = argumentsFrom(text, m.index + m[0].length);
    if (args) out.push({ index: m.index, args });
  }
  return out;
}

/** The arguments of a call whose `(` ends just before `start`; undefined when the call is not closed. */
function argumentsFrom(text: string, start: number): CallArgument[] | undefined {
  const out: CallArgument[] = [];
  const closers: string[] = [];
  let current = '';
  let index = -1;
  const add = (chunk: string, at: number) => {
    if (index < 0 && chunk.trim() !== '') index = at + (chunk.length - chunk.trimStart().length);
    current += chunk;
  };
  const cut = () => {
    if (current.trim() !== '') out.push(asArgument(current.trim(), index));
    current = '';
    index = -1;
  };
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = stringEnd(text, i);
      add(text.slice(i, end), i);
      i = end - 1;
    } else if (ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (closers.length === 0 && ch === ')') {
      cut();
      return out;
    } else if (closers.length === 0 && ch === ',') {
      cut();
    } else {
      if (ch in OPENERS) closers.push(OPENERS[ch]);
      else if (ch === closers.at(-1)) closers.pop();
      add(ch, i);
    }
  }
  return undefined;
}

/** The offset just past the string literal opening at `i` (single, double or triple quoted). */
function stringEnd(text: string, i: number): number {
  const q = text[i];
  const quote = text.startsWith(q.repeat(3), i) ? q.repeat(3) : q;
  for (let k = i + quote.length; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text.startsWith(quote, k)) return k + quote.length;
    else if (quote.length === 1 && text[k] === '\n') return k;
  }
  return text.length;
}

function asArgument(text: string, index: number): CallArgument {
  const m = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(text);
  return m ? { name: m[1], text: m[2], index } : { text, index };
}

/** The value of a plain string literal (`'pw'`, `"pw"`, `r'pw'`); undefined for any other expression. */
export function stringLiteral(expr: string): string | undefined {
  const m = /^[rRuU]?('''|"""|'|")([\s\S]*)\1$/.exec(expr.trim());
  return m && !m[2].includes(m[1]) ? m[2] : undefined;
}
