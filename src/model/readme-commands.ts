/**
 * The `docker build` commands a README gives (`docker build -t me/app:v3 .`), as a shell script of those lines alone:
 * the names the repository's own instructions give the images of its Dockerfiles. Pure.
 */
import { LINES } from '../util/lines.js';

/** A command line as a README writes it: a shell prompt (`$ `) may come before it. */
const DOCKER_BUILD = /^(?:\$\s+)?(docker\s+(?:buildx\s+|image\s+)?build\s.*)$/;

/**
 * The `docker build` lines of a README. In Markdown only its code (a fenced block, or a line indented as code) counts,
 * not prose; a plain-text README is read line by line. A line ending in `\` goes on with the next.
 */
export function readmeBuildCommands(file: string, text: string): string {
  const markdown = /\.(md|markdown)$/i.test(file);
  const out: string[] = [];
  let fence: string | undefined;
  let pending = '';
  for (const raw of text.split(LINES)) {
    const mark = /^\s{0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (markdown && mark && (fence === undefined || mark.startsWith(fence))) {
      fence = fence === undefined ? mark : undefined;
      pending = '';
      continue;
    }
    const isCode = !markdown || fence !== undefined || /^( {4}|\t)/.test(raw);
    if (!isCode) {
      pending = '';
      continue;
    }
    const line = `${pending}${raw.trim()}`;
    if (line.endsWith('\\')) {
      pending = `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    pending = '';
    const command = DOCKER_BUILD.exec(line)?.[1];
    if (command) out.push(command);
  }
  return out.join('\n');
}

/** The READMEs' `docker build` lines, each README as a script of them, for the analysis of scripts' builds. */
export function readmeScripts(readmes: Record<string, string>): { file: string; text: string }[] {
  return Object.entries(readmes)
    .map(([file, text]) => ({ file, text: readmeBuildCommands(file, text) }))
    .filter((s) => s.text !== '');
}
