/**
 * Seeded random Dockerfiles for the differential test of the Dockerfile parser: one kind made of plausible lines
 * (instructions, continuations, comments, blank lines, heredocs, escape directives, CRLF, tabs) and one kind of
 * character soup over the characters the splitter looks at, to reach the corners nobody writes by hand.
 */

/** mulberry32: a small, fast PRNG whose sequence depends only on the seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYWORDS = [
  'FROM',
  'RUN',
  'COPY',
  'ADD',
  'ONBUILD',
  'ENV',
  'ARG',
  'CMD',
  'ENTRYPOINT',
  'WORKDIR',
  'USER',
  'EXPOSE',
  'LABEL',
  'HEALTHCHECK',
  'SHELL',
  'VOLUME',
  'STOPSIGNAL',
  'MAINTAINER',
  'run',
  'From',
  'copy',
  'BOGUS',
  'R',
  '=x',
  '[',
];
const WORDS = [
  'python:3.12-slim',
  'pip',
  'install',
  '-r',
  'requirements.txt',
  '&&',
  '.',
  '/app',
  '--from=build',
  '--mount=type=cache',
  '--chown=app',
  '$HOME',
  '${PORT:-8000}',
  '"quoted words"',
  "'single'",
  '["gunicorn",',
  '"app.wsgi"]',
  'a--b',
  '--',
  '<<EOF',
  '<<-EOF',
  '<<"EOF"',
  "<<'END'",
  '<<EOF2',
  '<<',
  '<<-',
  '<<<x',
  'cat',
  '>',
  '/etc/x',
  '#',
  '#notcomment',
  '\\$x',
  '`',
  '\\',
  'x=1',
  'RUN',
  'COPY',
  '=',
  '<<"EOF',
  'é',
  '\u00a0',
  '<<"',
  '<<EOF--',
  '--x',
  '<<\\$EOF',
];
const DELIMITERS = ['EOF', 'END', 'EOF2', '"EOF"', '', 'eof'];
const SPACES = [' ', '  ', '\t', ' \t', ''];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A Dockerfile of plausible lines, mixed at random. */
export function plausibleDockerfile(random: () => number): string {
  const escape = random() < 0.2 ? '`' : '\\';
  const lines: string[] = [];
  if (random() < 0.1) lines.push('\uFEFF');
  const directives = Math.floor(random() * 3);
  for (let d = 0; d < directives; d++) {
    lines.push(
      pick(random, [
        `# escape=${escape}`,
        `#escape=${escape}`,
        ` # ESCAPE = ${escape}`,
        `# escape=${escape} `,
        '# syntax=docker/dockerfile:1',
        '# escape=x',
        `# escape=${escape} # a=b`,
        '# escape=',
        '# not a directive',
        '#',
      ]),
    );
  }
  const count = 1 + Math.floor(random() * 12);
  for (let n = 0; n < count; n++) {
    const roll = random();
    if (roll < 0.12) lines.push(pick(random, ['', ' ', '\t', '  \t ']));
    else if (roll < 0.22) lines.push(`${pick(random, SPACES)}# ${pick(random, WORDS)}`);
    else lines.push(...instructionLines(random, escape));
  }
  const newline = random() < 0.2 ? '\r\n' : random() < 0.05 ? '\r' : '\n';
  const text = lines.join(newline).replace(/^\uFEFF\n/, '\uFEFF');
  return random() < 0.5 ? text + newline : text;
}

function instructionLines(random: () => number, escape: string): string[] {
  const keyword = pick(random, KEYWORDS);
  const lines: string[] = [];
  let line = pick(random, ['', '', ' ', '\t']) + keyword;
  if (random() < 0.08) line += escape; // a keyword directly followed by the escape
  const words = Math.floor(random() * 5);
  for (let w = 0; w < words; w++) {
    line += pick(random, [' ', ' ', '\t', '  ']) + pick(random, WORDS);
    if (random() < 0.15) {
      lines.push(line + ' ' + escape + pick(random, ['', '', ' ', '\t', ' x']));
      if (random() < 0.2) lines.push(pick(random, ['', ' ', '# inside', '  # inside', '\t']));
      line = pick(random, SPACES);
    }
  }
  lines.push(line);
  if (/<</.test(line) || random() < 0.05) {
    const delimiters = 1 + Math.floor(random() * 2);
    for (let d = 0; d < delimiters; d++) {
      const body = Math.floor(random() * 3);
      for (let b = 0; b < body; b++)
        lines.push(pick(random, ['echo hi', '\techo tab', '  x', '', 'EOF ', '#c', escape]));
      if (random() < 0.85)
        lines.push(pick(random, ['', '', '\t', '\t\t']) + pick(random, DELIMITERS).replace(/"/g, ''));
    }
  }
  return lines;
}

const SOUP = [
  '\\',
  '`',
  ' ',
  '\t',
  '\n',
  '\n',
  '\r\n',
  '#',
  '<',
  '<<',
  '-',
  '"',
  "'",
  'EOF',
  'RUN ',
  'COPY ',
  'ONBUILD ',
  'a',
  '=',
  '$',
  'escape',
  '--',
  '\uFEFF',
];

/** Character soup: short texts over the characters and words the splitter looks at. */
export function soupDockerfile(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, SOUP);
  return text;
}
