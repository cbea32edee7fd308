import { inlineScriptLastCommand, serverOf } from '../model/command.js';
import type { ComposeCommand } from '../model/types/compose.js';
import type { CommandInstr } from '../model/types/dockerfile.js';
import type { RawFinding } from '../core/index.js';
import { defineRule } from './lib/rule.js';

export const shellFormCommand = defineRule({
  id: 'TF0901',
  name: 'shell-form-command',
  factor: 'IX',
  severity: 'warning',
  kind: 'S',
  title:
    'CMD/ENTRYPOINT in shell form, or an entrypoint script that starts the server without exec: PID 1 is a shell and SIGTERM does not reach the server',
  help: `\`docker stop\` sends SIGTERM to PID 1 and kills the container 10 seconds later. With a shell-form
\`CMD gunicorn ...\` (run as \`/bin/sh -c\`), a \`sh -c "migrate && gunicorn ..."\`, or an entrypoint script that
starts the server as a child, PID 1 is the shell: the server never gets SIGTERM, cannot finish its requests and
is killed. Fast, graceful shutdown is what makes processes disposable.

Use the exec form, and \`exec\` the last command of scripts so the server replaces the shell.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

\`\`\`sh
#!/bin/sh
set -e
exec "$@"
\`\`\``,
  related: ['DL3025', 'JSONArgsRecommended'],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      const stage = df?.targetStage;
      if (df && stage) {
        const shellForm =
          stage.entrypoint?.form === 'shell'
            ? stage.entrypoint
            : stage.cmd?.form === 'shell'
              ? stage.cmd
              : undefined;
        if (shellForm)
          findings.push({ file: df.file, line: shellForm.line, message: shellFormMessage(shellForm) });
        for (const instr of [stage.entrypoint, stage.cmd]) {
          if (instr?.argv) findings.push(...inlineShell(instr.argv, df.file, instr.line, instr.keyword));
        }
      }
      const service = app.compose?.appService;
      for (const [key, c] of [
        ['entrypoint', service?.entrypoint],
        ['command', service?.command],
      ] as const) {
        const argv = c && composeArgv(c);
        if (c && argv) findings.push(...inlineShell(argv, c.file, c.line, `compose ${key}`));
      }
      for (const script of app.entrypointScripts) {
        for (const c of script.script.commands) {
          if (c.viaExec) continue;
          const server = serverOf(c.argv);
          const runsArgs = c.argv[0] === '$@' || c.argv[0] === '$*';
          if (!server && !runsArgs) continue;
          findings.push({
            file: script.file,
            line: c.line,
            message: `${script.file} starts ${server ? server.kind : 'the container command ("$@")'} without exec, so the script stays PID 1 and SIGTERM does not reach it. Write exec ${c.argv[0] === '$@' ? '"$@"' : c.argv.join(' ')}.`,
          });
        }
      }
    }
    return findings;
  },
});

function shellFormMessage(instr: CommandInstr): string {
  const commands = instr.script?.commands ?? [];
  const example =
    commands.length === 1
      ? `${instr.keyword} [${commands[0].argv.map((a) => JSON.stringify(a)).join(', ')}]`
      : `${instr.keyword} ["/entrypoint.sh"] with exec in the script`;
  return `${instr.keyword} is in shell form, so /bin/sh is PID 1 and SIGTERM from docker stop does not reach the server. Use the exec form: ${example}.`;
}

/** `sh -c "... && server"` in exec form: fires when the last command is not run with exec. */
function inlineShell(argv: string[], file: string, line: number, what: string): RawFinding[] {
  const last = inlineScriptLastCommand(argv, line);
  if (!last || last.viaExec) return [];
  return [
    {
      file,
      line,
      message: `${what} runs '${argv[0]} -c', and its last command (${last.argv[0]}) is not started with exec, so the shell stays PID 1 and SIGTERM does not reach it. Write 'exec ${last.argv.join(' ')}' as the last command.`,
    },
  ];
}

function composeArgv(c: ComposeCommand): string[] | undefined {
  return c.argv ?? c.script?.commands[0]?.argv;
}
