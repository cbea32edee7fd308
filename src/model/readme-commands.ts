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
  return readmeCodeLines(file, text)
    .flatMap((line) => DOCKER_BUILD.exec(line)?.[1] ?? [])
    .join('\n');
}

/** A `docker compose` (or `docker-compose`) command as a README writes it, a shell prompt (`$ `) before it or not. */
const COMPOSE_COMMAND = /^(?:\$\s+)?(docker(?:-compose|\s+compose)\s.*)$/;

/**
 * The `docker compose` lines of a README: its code as readmeBuildCommands reads it, and in Markdown also the inline
 * code of its prose (`` Run `docker compose -f a.yml -f b.yml up` ``), where a README names the files run together.
 */
export function readmeComposeCommands(file: string, text: string): string {
  const markdown = /\.(md|markdown)$/i.test(file);
  // An inline code span may wrap onto the next line of its paragraph.
  const spans = markdown ? [...text.matchAll(/(?<!`)`([^`]+)`(?!`)/g)] : [];
  const inline = spans.map((m) => m[1]!.replace(/\s+/g, ' ').trim());
  return [...readmeCodeLines(file, text), ...inline]
    .flatMap((line) => COMPOSE_COMMAND.exec(line)?.[1] ?? [])
    .join('\n');
}

/** The code lines of a README: in Markdown a fenced block or an indented line, in plain text every line; `\` joins. */
function readmeCodeLines(file: string, text: string): string[] {
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
    out.push(line);
  }
  return out;
}

/** The READMEs' `docker build` lines, each README as a script of them, for the analysis of scripts' builds. */
export function readmeScripts(readmes: Record<string, string>): { file: string; text: string }[] {
  return Object.entries(readmes)
    .map(([file, text]) => ({ file, text: readmeBuildCommands(file, text) }))
    .filter((s) => s.text !== '');
}
