/**
 * Escaping of user-controlled text (file names, messages, log tails) for the places the reports put it.
 * Everything here is pure; the renderers never concatenate raw user text into markdown or HTML.
 */

const ZWJ = '\u200D';

// ANSI escape sequences (colours from docker/pip logs) and the other C0/C1 controls except tab and newline.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional overrides can make a file name read differently from what it is.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

/** Removes terminal escapes and control characters, keeping tabs and newlines; normalises line ends. */
export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '').replace(BIDI, '');
}

/** Puts a zero-width joiner after every `@` and before digits after `#`, so GitHub links no user, team or issue. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@/g, `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`);
}

/** Escapes text for an HTML context inside markdown (`<summary>`, attribute-free elements). */
export function escapeHtml(text: string): string {
  return neutraliseMentions(stripControl(text).replace(/\s*\n\s*/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Every ASCII punctuation character GitHub-flavoured markdown gives a meaning to, inline or at a line start.
const MARKDOWN_SPECIAL = /[\\`*_~[\]()|#!+\-={}.:]/g;

/**
 * Escapes one line of text for a markdown inline context (list item, table cell, link text, heading):
 * HTML cannot open, emphasis/links/code/tables cannot start or break, no block starts, no @mention pings.
 * Newlines become spaces: a user value never starts a new block.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(stripControl(text).replace(/\s*\n\s*/g, ' '))
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A fenced code block whose fence is longer than any backtick run in the content, so the content cannot close it. */
export function fencedBlock(content: string, indent = ''): string {
  const body = stripControl(content).replace(/\n+$/, '');
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lines = [fence, ...body.split('\n'), fence];
  return lines.map((l) => (l === '' ? '' : indent + l)).join('\n');
}

/** Percent-encodes each segment of a relative path for a URL (parentheses and quotes too: they end markdown links). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

/** One line for a terminal: no escapes, no control characters, no line breaks. */
export function terminalLine(text: string): string {
  return stripControl(text).replace(/\s*[\n\t]\s*/g, ' ');
}

/**
 * Breaks every HTML comment opener in text the run did not write (code blocks keep repository text verbatim), so
 * that the only markers in a body are the ones the run put there.
 */
export function defuseMarkers(text: string): string {
  return text.replace(/<!--/g, '<!-\u200d-');
}

/** A fenced block that the content cannot close, whatever backticks it holds, holding no live marker or mention. */
export function codeBlock(text: string): string {
  return defuseMarkers(fencedBlock(neutraliseMentions(text)));
}
