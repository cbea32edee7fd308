/** Calls in Python source found by name, with their arguments split as Python does (brackets balanced, strings kept). */

/** One argument of a call: `name` for a keyword argument, the expression text otherwise. */
export interface CallArgument {
  name?: string;
  text: string;
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
  const parts: string[] = [];
  const closers: string[] = [];
  let current = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = stringEnd(text, i);
      current += text.slice(i, end);
      i = end - 1;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch in OPENERS) {
      closers.push(OPENERS[ch]);
      current += ch;
    } else if (closers.length === 0 && ch === ')') {
      parts.push(current);
      return parts
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map(asArgument);
    } else if (closers.length === 0 && ch === ',') {
      parts.push(current);
      current = '';
    } else {
      if (ch === closers.at(-1)) closers.pop();
      current += ch;
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

function asArgument(text: string): CallArgument {
  const m = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(text);
  return m ? { name: m[1], text: m[2] } : { text };
}

/** The value of a plain string literal (`'pw'`, `"pw"`, `r'pw'`); undefined for any other expression. */
export function stringLiteral(expr: string): string | undefined {
  const m = /^[rRuU]?('''|"""|'|")([\s\S]*)\1$/.exec(expr.trim());
  return m && !m[2].includes(m[1]) ? m[2] : undefined;
}
