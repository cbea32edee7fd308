/**
 * The management commands a Python program runs itself: `call_command("migrate", interactive=False)`, or manage.py
 * run as a child process (`subprocess.run(["python", "manage.py", "migrate"])`, `os.system("python manage.py migrate")`).
 */
import { djangoCommand } from './command/servers.js';
import { callsNamed, stringLiteral } from './python-calls.js';
import { programCommands } from './python-commands.js';
import type { App, ManagementCall, StartProgram } from './types/project.js';

/**
 * Every `call_command(NAME, …)` of `text` whose NAME is a string literal, and every manage.py command it runs as a
 * child process whose words it shows, with the line each is on, in source order.
 */
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
  for (const run of programCommands(text)) {
    const command = djangoCommand(run.argv);
    if (command) out.push({ line: run.line, name: command.name, args: command.args });
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The plain Python script (`python boot.py`, not a management command) a start command runs, when the image holds it. */
export function pythonScriptRunBy(app: App, argv: readonly string[]): StartProgram | undefined {
  const words = (a: readonly string[]) => scriptCommandWords(a).join('\0');
  const wanted = words(argv);
  return app.startPrograms?.find((p) => p.runBy?.some((a) => words(a) === wanted));
}

/** The words of a command that runs a script, as messages show it (`python boot.py`, without a leading `exec`). */
export function scriptCommandWords(argv: readonly string[]): string[] {
  return argv[0] === 'exec' ? argv.slice(1) : [...argv];
}
