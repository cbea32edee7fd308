// The text of the shell parser's nodes: words after quote removal, source slices, heredoc bodies, piped text.
import type { Node } from 'mvdan-sh';
import type { ShellCommand } from './types.js';
import { basename } from './shell-argv.js';
import { nodeType } from './mvdan.js';

/** The script's bytes: mvdan-sh reports byte offsets. */
interface Text {
  bytes: Buffer;
}

/** The text of a word of one literal part (`run_dev`), else undefined. */
export function literalWord(word: Node | undefined): string | undefined {
  const parts: Node[] = word?.Parts ?? [];
  return parts.length === 1 && nodeType(parts[0]) === 'Lit' ? (parts[0].Value as string) : undefined;
}

export function hasExpansion(part: Node): boolean {
  const type = nodeType(part);
  if (type === 'DblQuoted') return (part.Parts ?? []).some((p: Node) => hasExpansion(p));
  return type !== 'Lit' && type !== 'SglQuoted';
}

/** What `echo TEXT` / `printf TEXT` (or `cat <<EOF`, its heredoc) writes, for the command it is piped into. */
export function echoedText(c: ShellCommand | undefined): string | undefined {
  if (c && basename(c.argv[0] ?? '') === 'cat' && c.argv.length === 1) return c.stdin;
  if (!c || !['echo', 'printf'].includes(basename(c.argv[0] ?? ''))) return undefined;
  return c.argv
    .slice(1)
    .filter((a) => !/^-[neE]+$/.test(a))
    .join(' ');
}

export function heredocText(word: Node, src: Text): string {
  const parts: Node[] = word.Parts ?? [];
  if (parts.length === 1 && nodeType(parts[0]) === 'Lit') return parts[0].Value as string;
  return slice(word, src);
}

/** The source from the start of one node to the end of another, line continuations joined. */
export function sliceBetween(first: Node, last: Node, src: Text): string {
  const text = src.bytes.subarray(first.Pos().Offset(), last.End().Offset()).toString('utf8');
  return text.replace(/[ \t]*\\\n\s*/g, ' ');
}

export function slice(node: Node, src: Text): string {
  return src.bytes.subarray(node.Pos().Offset(), node.End().Offset()).toString('utf8');
}

/** A word after quote removal; expansions keep their source text ($VAR, ${VAR:-x}, $(cmd)). */
export function wordText(word: Node, src: Text): string {
  return (word.Parts ?? []).map((p: Node) => partText(p, src, false)).join('');
}

function partText(part: Node, src: Text, inDouble: boolean): string {
  switch (nodeType(part)) {
    case 'Lit': {
      const v = (part.Value as string).replace(/\\\n/g, '');
      return inDouble ? v.replace(/\\([$`"\\])/g, '$1') : v.replace(/\\(.)/gs, '$1');
    }
    case 'SglQuoted':
      return part.Dollar ? ansiC(part.Value as string) : (part.Value as string);
    case 'DblQuoted':
      return (part.Parts ?? []).map((p: Node) => partText(p, src, true)).join('');
    default:
      return slice(part, src);
  }
}

function ansiC(v: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
  return v.replace(/\\(.)/g, (m, c: string) => map[c] ?? m);
}
