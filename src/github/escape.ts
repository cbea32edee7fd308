/**
 * Makes untrusted text (file names, messages, values from the analysed repository) inert inside GitHub markdown:
 * no HTML, no markdown structure, no @mention that pings, no #123 or closing keywords turning into links.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/@/g, '@\u200b');
}

/** A fenced block that the content cannot close, whatever backticks it holds. */
export function codeBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text.replace(/@/g, '@\u200b')}\n${fence}`;
}
