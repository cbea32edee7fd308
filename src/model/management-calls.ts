/** The management commands a Python program runs itself: `call_command("migrate", interactive=False)`. */
import { callsNamed, stringLiteral } from './python-calls.js';
import type { ManagementCall } from './types/project.js';

/** Every `call_command(NAME, …)` of `text` whose NAME is a string literal, with the line it is on. */
export function managementCalls(text: string): ManagementCall[] {
  const out: ManagementCall[] = [];
  for (const call of callsNamed(text, /call_command/)) {
    const [first, ...rest] = call.args;
    const name = first && first.name === undefined ? stringLiteral(first.text) : undefined;
    const lineStart = text.lastIndexOf('\n', call.index) + 1;
    // `# call_command("migrate")` left in a comment runs nothing
    if (!name || text.slice(lineStart, call.index).trimStart().startsWith('#')) continue;
    const args: string[] = [];
    for (const a of rest) {
      const literal = a.name === undefined ? stringLiteral(a.text) : undefined;
      if (literal !== undefined) args.push(literal);
      else if (a.name !== undefined && a.text.trim() === 'True') args.push(`--${a.name.replace(/_/g, '-')}`);
    }
    out.push({ line: text.slice(0, lineStart).split('\n').length, name, args });
  }
  return out;
}
