import { type Finding, type MessagePart, partsOfPlain, plainMessage } from '../core/index.js';
import { escapeMarkdown, stripControl, terminalLine } from './escape.js';

/**
 * A finding's message as parts: the rule's own when they still spell the plain message, else recovered from it
 * (older reports, and any stage that rewords the message without its parts: redaction, merged engines).
 */
export function messageParts(f: Pick<Finding, 'message' | 'parts'>): MessagePart[] {
  return f.parts && f.parts.length > 0 && plainMessage(f.parts) === f.message
    ? f.parts
    : partsOfPlain(f.message);
}

/** Markdown for an inline context: code samples as code spans, every other part escaped (prose too: see README). */
export function partsMarkdown(parts: readonly MessagePart[]): string {
  return parts.map((p) => (p.kind === 'code' ? codeSpan(p.text) : escapeMarkdown(p.text))).join('');
}

/** One terminal line; `codeStyle` paints the code samples (colour when the terminal has it). */
export function partsTerminal(parts: readonly MessagePart[], codeStyle?: (text: string) => string): string {
  return parts
    .map((p) => {
      const text = terminalLine(p.text);
      return p.kind === 'code' && codeStyle ? codeStyle(text) : p.kind === 'code' ? `\`${text}\`` : text;
    })
    .join('');
}

/**
 * A code span that its content cannot close: a backtick fence longer than any run inside, one line, and no HTML
 * comment opener (a marker stays the run's own). GitHub neither links nor pings inside code.
 */
export function codeSpan(text: string): string {
  const body = stripControl(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<!--/g, '<!-\u200d-');
  if (body.trim() === '') return '';
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[`\s]|[`\s]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
