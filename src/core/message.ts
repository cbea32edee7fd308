/**
 * A finding's message as parts, so that each renderer can show our own code samples as code and keep what came
 * from the analysed repository inert. Plain strings interpolated into `msg` are repository text.
 */
export type MessagePart =
  /** Our own prose. */
  | { kind: 'text'; text: string }
  /** Our own code sample (a setting, an instruction, a command): shown as code. */
  | { kind: 'code'; text: string }
  /** A path in the analysed repository. */
  | { kind: 'path'; text: string }
  /** Any other value read from the analysed repository or a log. */
  | { kind: 'value'; text: string };

/** What `msg` returns: spread it into a finding, `{ file, line, ...msg`…` }`. */
export interface Message {
  /** The plain form: code samples in backticks, as the JSON report, fingerprints and annotations carry it. */
  message: string;
  parts: MessagePart[];
}

export function code(text: string): MessagePart {
  return { kind: 'code', text };
}

export function path(text: string): MessagePart {
  return { kind: 'path', text };
}

export function value(text: string): MessagePart {
  return { kind: 'value', text };
}

/**
 * Tagged template: literal text is ours, `${string}` is repository text, `${code(...)}` a code sample of ours, and a
 * `${msg`…`}` its parts in place.
 */
export function msg(
  strings: TemplateStringsArray,
  ...values: (string | number | MessagePart | Message)[]
): Message {
  const parts: MessagePart[] = [];
  const push = (part: MessagePart) => {
    if (part.text === '') return;
    const last = parts.at(-1);
    if (last && last.kind === part.kind && part.kind !== 'code') last.text += part.text;
    else parts.push({ ...part });
  };
  strings.forEach((literal, i) => {
    push({ kind: 'text', text: literal });
    if (i >= values.length) return;
    const v = values[i];
    if (typeof v === 'number') push({ kind: 'text', text: String(v) });
    else if (typeof v === 'string') push({ kind: 'value', text: v });
    else if ('parts' in v) v.parts.forEach(push);
    else push(v);
  });
  return { message: plainMessage(parts), parts };
}

/** Prose with code samples in backticks (a fence longer than any backtick run inside). */
export function plainMessage(parts: readonly MessagePart[]): string {
  return parts.map((p) => (p.kind === 'code' ? backticked(p.text) : p.text)).join('');
}

function backticked(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Parts recovered from a plain message (one that came without parts: an older report, an artifact): backtick
 * spans become code, the rest repository text. Both stay inert in every renderer, so a stray backtick costs looks only.
 */
export function partsOfPlain(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let rest = message;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const fence = open[0];
    const after = rest.slice(open.index + fence.length);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(after);
    if (!close) break;
    if (open.index > 0) parts.push({ kind: 'value', text: rest.slice(0, open.index) });
    let inner = after.slice(0, close.index);
    if (/^ .*[^ ].* $/s.test(inner)) inner = inner.slice(1, -1);
    parts.push({ kind: 'code', text: inner });
    rest = after.slice(close.index + fence.length);
  }
  if (rest) parts.push({ kind: 'value', text: rest });
  return parts;
}
