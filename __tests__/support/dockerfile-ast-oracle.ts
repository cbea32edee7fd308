/**
 * The Dockerfile parser as it was while it read instructions with dockerfile-ast (up to 2026-12), kept frozen as the
 * oracle of the differential test: `parseDockerfile` must return exactly what this returns, for every input.
 */
import { DockerfileParser } from 'dockerfile-ast';
import type {
  DockerfileHeredoc,
  DockerfileInstruction,
  DockerfileSyntax,
} from '../../src/parse/dockerfile.js';

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const INSTRUCTION_KEYWORDS = new Set(
  'ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR'.split(
    ' ',
  ),
);
const HEREDOC_MARKER = /(?<!<)<<(-?)(["']?)([A-Za-z0-9_.-]+)\2/g;

export function parseDockerfileWithAst(source: string): DockerfileSyntax {
  const text = source.replace(/\r\n?/g, '\n');
  const document = DockerfileParser.parse(text);
  const escape = document.getEscapeCharacter() || '\\';
  const lines = text.split('\n');
  const instructions: DockerfileInstruction[] = [];
  for (const instr of document.getInstructions()) {
    const range = instr.getRange();
    const keyword = instr.getKeyword().toUpperCase();
    // Arguments start right after the keyword: dockerfile-ast's argument range leaves out flags such as --from=.
    const start = instr.getInstructionRange().end;
    const base = { keyword, line: range.start.line + 1, endLine: range.end.line + 1 };
    const physical = lines.slice(start.line, range.end.line + 1);
    physical[0] = (physical[0] ?? '').slice(start.character);
    instructions.push({
      ...base,
      argsLine: start.line + 1,
      ...splitArguments(physical, start.line + 1, escape, HEREDOC_KEYWORDS.has(keyword)),
    });
  }
  return { escape, instructions };
}

function splitArguments(
  physical: string[],
  firstLine: number,
  escape: string,
  heredocsAllowed: boolean,
): Pick<DockerfileInstruction, 'args' | 'shellText' | 'heredocs' | 'joined'> {
  const continuation = new RegExp(`${escapeRegExp(escape)}[ \\t]*$`);
  const shellLines: string[] = [];
  const heredocs: DockerfileHeredoc[] = [];
  let args = '';
  let continuing = false;
  let logicalDone = false;
  let pending: { name: string; stripTabs: boolean; quoted: boolean }[] = [];
  let body: string[] = [];
  let bodyLine = 0;
  const joined: NonNullable<DockerfileInstruction['joined']> = [];
  let dropped: number | undefined; // the file line of the blank line just dropped
  physical.forEach((line, i) => {
    if (logicalDone) {
      shellLines.push(line);
      const current = pending[0];
      if (!current) return; // text after the heredocs: not expected, kept for the shell
      const content = current.stripTabs ? line.replace(/^\t+/, '') : line;
      if (content === current.name) {
        heredocs.push({ ...current, body: body.length ? `${body.join('\n')}\n` : '', bodyLine });
        pending = pending.slice(1);
        body = [];
        bodyLine = firstLine + i + 1;
      } else {
        body.push(content);
      }
      return;
    }
    if (i > 0 && continuing && (line.trim() === '' || line.trimStart().startsWith('#'))) {
      shellLines.push('\\'); // Docker drops these lines; a lone escape keeps the shell's lines aligned
      if (line.trim() === '') dropped = firstLine + i;
      return;
    }
    const keyword = /^\s*([A-Z]+)\s/.exec(line)?.[1];
    if (dropped !== undefined && keyword && INSTRUCTION_KEYWORDS.has(keyword))
      joined.push({ keyword, line: firstLine + i, text: line.trim(), afterLine: dropped });
    dropped = undefined;
    const m = continuation.exec(line);
    if (m && i < physical.length - 1) {
      const content = line.slice(0, m.index);
      args += content;
      shellLines.push(`${content}\\`);
      continuing = true;
      return;
    }
    args += line;
    shellLines.push(line);
    continuing = false;
    logicalDone = true;
    if (heredocsAllowed) {
      for (const h of args.matchAll(HEREDOC_MARKER)) {
        pending.push({ name: h[3], stripTabs: h[1] === '-', quoted: h[2] !== '' });
      }
      bodyLine = firstLine + i + 1;
    }
  });
  // An unterminated heredoc runs to the end of the instruction, as dockerfile-ast reads it.
  if (pending[0] && body.length) heredocs.push({ ...pending[0], body: `${body.join('\n')}\n`, bodyLine });
  return {
    args: args.trim(),
    shellText: shellLines.join('\n'),
    heredocs,
    ...(joined.length > 0 ? { joined } : {}),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
