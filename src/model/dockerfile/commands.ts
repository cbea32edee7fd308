/** The commands of RUN, CMD and ENTRYPOINT: exec-form argv or a shell script with file lines. */
import { type DockerfileInstruction } from '../../parse/dockerfile.js';
import { parseShell } from '../../parse/shell.js';
import { anchorOnLines } from '../command/anchors.js';
import { inlineScriptCommands } from '../command/inline-script.js';
import type { CommandInstr } from '../types/dockerfile.js';
import type { ShellScript } from '../types/shell.js';
import { blankFlags, jsonArray } from './instruction-text.js';

const SCRIPT_SHELLS = /^#!\s*(\/usr\/bin\/env\s+)?(\/(usr\/)?bin\/)?(sh|bash|dash|ash)\b/;

/** The shell script a RUN executes, with file lines: a bare `RUN <<EOF` runs the heredoc body itself. */
export function runScript(instr: DockerfileInstruction, command: string): ShellScript {
  const bare = /^(\s*<<-?(["']?)[A-Za-z0-9_.-]+\2)+\s*$/.test(command);
  if (bare && instr.heredocs[0]) {
    const { body, bodyLine } = instr.heredocs[0];
    if (body.startsWith('#!') && !SCRIPT_SHELLS.test(body)) return { commands: [] };
    return parseShell(body, bodyLine);
  }
  return parseShell(blankFlags(instr.shellText), instr.argsLine);
}

/** A CMD or ENTRYPOINT: its exec-form argv (with the commands of an inline `sh -c` script) or its shell script. */
export function commandInstr(instr: DockerfileInstruction): CommandInstr {
  const keyword = instr.keyword as 'CMD' | 'ENTRYPOINT';
  const base = { keyword, line: instr.line, endLine: instr.endLine, raw: instr.args };
  const argv = jsonArray(instr.args);
  if (argv) {
    // `CMD ["sh", "-c", "migrate && \<newline> gunicorn …"]`: the builder joins the lines, each command stays on its own
    const inner = inlineScriptCommands(argv, instr.argsLine);
    const lines = [...Array<string>(instr.argsLine - 1).fill(''), ...instr.shellText.split('\n')];
    const anchored = anchorOnLines(inner, lines, instr.argsLine, lines.length);
    return { ...base, form: 'exec', argv, ...(inner.length > 0 ? { inner: anchored } : {}) };
  }
  return { ...base, form: 'shell', script: parseShell(instr.shellText, instr.argsLine) };
}
