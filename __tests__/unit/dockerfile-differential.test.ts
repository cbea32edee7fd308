import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDockerfile } from '../../src/parse/dockerfile.js';
import { plausibleDockerfile, seededRandom, soupDockerfile } from '../support/dockerfile-generator.js';
import { parseDockerfileWithAst } from '../support/dockerfile-ast-oracle.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function sameAsOracle(source: string, what: string): void {
  assert.deepStrictEqual(
    parseDockerfile(source),
    parseDockerfileWithAst(source),
    `${what}: ${JSON.stringify(source)}`,
  );
}

function dockerfilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /dockerfile/i.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

test('every Dockerfile among the fixtures parses as dockerfile-ast read it', () => {
  const files = dockerfilesUnder(FIXTURES);
  assert.ok(files.length > 500, `${files.length} Dockerfiles found`);
  for (const file of files) sameAsOracle(readFileSync(file, 'utf8'), file);
});

const EDGE_CASES: [string, string][] = [
  ['an empty file', ''],
  ['only a newline', '\n'],
  ['only comments', '# one\n# two\n'],
  ['only comments, no final newline', '# one\n  # two'],
  ['a plain file', 'FROM python:3.12\nRUN pip install x\nCMD ["gunicorn"]\n'],
  ['no final newline', 'FROM a\nRUN b'],
  ['comment lines and blank lines between', 'FROM a\n\n# c\n\nRUN b\n\n'],
  ['continuations', 'RUN a \\\n  b \\\n  c\nUSER app\n'],
  ['a continuation with trailing whitespace', 'RUN a \\  \n  b \\\t\n  c\n'],
  ['a comment line inside a continuation', 'RUN a \\\n# note\n  b\n'],
  ['an indented comment inside a continuation', 'RUN a \\\n    # note\n  b\n'],
  ['a blank line inside a continuation', 'RUN a \\\n\n  b\n'],
  ['a blank line then an instruction inside a continuation', 'RUN a \\\n\nCOPY . /app\nUSER x\n'],
  ['a continuation at the end of the file', 'RUN a \\'],
  ['a continuation then spaces at the end of the file', 'RUN a \\   '],
  ['a continuation then a newline at the end', 'RUN a \\\n'],
  ['a heredoc', 'RUN <<EOF\necho hi\nEOF\nUSER app\n'],
  ['a heredoc with tabs stripped', 'RUN <<-EOF\n\techo hi\n\tEOF\nUSER app\n'],
  ['a quoted heredoc', 'RUN <<"EOF"\necho $HOME\nEOF\n'],
  ['a single-quoted heredoc', "COPY <<'END' /app/x\nhello\nEND\n"],
  ['an unbalanced quote in a heredoc name', 'RUN <<"EOF\necho\nEOF\nUSER a\n'],
  ['two heredocs', 'RUN <<A cat - <<B\na\nA\nb\nB\nUSER x\n'],
  ['an unterminated heredoc', 'RUN <<EOF\necho hi\nUSER app\n'],
  ['an unterminated heredoc at the end of the file', 'RUN <<EOF\necho hi'],
  ['a heredoc delimiter with leading spaces does not end it', 'RUN <<EOF\necho\n  EOF\nEOF\n'],
  ['a heredoc delimiter with trailing space does not end it', 'RUN <<EOF\necho\nEOF \nEOF\nUSER x\n'],
  ['a heredoc delimiter at the end of the file', 'RUN <<EOF\necho\nEOF'],
  ['a heredoc in ADD', 'ADD <<EOF /x\ny\nEOF\n'],
  ['a heredoc after flags', 'RUN --mount=type=cache,target=/c <<EOF\necho\nEOF\nUSER x\n'],
  ['a heredoc behind a word with dashes', 'RUN a--b --x <<EOF\necho\nEOF\nUSER x\n'],
  ['a word with -- before a flag hides a heredoc', 'RUN <<EOF-- --mount=x\nbody\nEOF\nUSER a\n'],
  ['an escaped dollar in a heredoc name', 'RUN <<\\$E\nx\n$E\n\\$E\nUSER a\n'],
  ['a heredoc name of a lone quote', 'RUN <<"\nx\n"\nUSER a\n'],
  ['a heredoc in ONBUILD RUN', 'ONBUILD RUN <<EOF\necho\nEOF\nUSER x\n'],
  ['a heredoc in a keyword that takes none', 'CMD <<EOF\necho\nEOF\n'],
  ['a heredoc marker of only <<-', 'RUN <<-\nx\n'],
  ['a heredoc on a continued line', 'RUN echo \\\n <<EOF\nx\nEOF\nUSER a\n'],
  ['CRLF line ends', 'FROM a\r\nRUN b \\\r\n  c\r\n\r\nUSER d\r\n'],
  ['CR line ends', 'FROM a\rRUN b\r'],
  ['a keyword then the escape and a newline', 'RUN\\\n  echo hi\n'],
  ['a keyword then the escape and spaces and a newline', 'RUN\\  \n  echo hi\n'],
  ['a keyword broken by an escaped newline', 'RU\\\nN echo\n'],
  ['a keyword with an escape inside', 'R\\UN echo\n'],
  ['a keyword followed by the escape then spaces then a word', 'RUN\\ echo\n'],
  ['a keyword alone', 'RUN\nUSER\n'],
  ['a keyword alone at the end of the file', 'FROM a\nUSER'],
  ['lines of only whitespace', 'FROM a\n   \n\t\nRUN b\n'],
  ['leading whitespace before a keyword', '  FROM a\n\tRUN b\n'],
  ['a custom escape', '# escape=`\nFROM a\nRUN b `\n  c\nRUN d \\\nUSER e\n'],
  ['a custom escape with spaces', ' #  escape = `\nRUN b `\n  c\n'],
  ['an upper case escape directive', '# ESCAPE=`\nRUN b `\n  c\n'],
  [
    'an escape directive after a syntax directive',
    '# syntax=docker/dockerfile:1\n# escape=`\nRUN b `\n  c\n',
  ],
  ['an escape directive after a comment is a comment', '# hello\n# escape=`\nRUN b `\n  c\n'],
  ['an escape directive after a blank line is a comment', '\n# escape=`\nRUN b `\n  c\n'],
  ['an escape directive after an instruction is a comment', 'FROM a\n# escape=`\nRUN b `\n  c\n'],
  [
    'two directives on one line: the next line is taken as a third',
    '# escape=` #x=y\nFROM a\nRUN b `\n  c\n',
  ],
  ['an invalid escape', '# escape=x\nRUN b \\\n  c\n'],
  ['an empty escape', '# escape=\nRUN b\n'],
  ['an escape directive with trailing space', '# escape=` \n# syntax=x\nRUN b `\n  c\n'],
  ['two escape directives, the first invalid', '# escape=x\n# escape=`\nRUN b `\n  c\n'],
  ['an escape directive alone', '# escape=`'],
  ['a byte order mark', '\uFEFFFROM a\nRUN b\n'],
  ['a byte order mark before a directive', '\uFEFF# escape=`\nRUN b `\n c\n'],
  ['garbage lines', 'FROM a\nthis is not = an instruction\n=== \n[1, 2]\n'],
  ['a line of only the escape', '\\\nFROM a\n'],
  ['a comment after an instruction on the same line', 'RUN a # not a comment\n'],
  ['an escaped escape at a line end', 'RUN a \\\\\nUSER b\n'],
  ['an escape, a space and another escape', 'RUN a \\ \\\nUSER b\n'],
  ['tabs everywhere', '\tFROM\ta\n\tRUN\tb\t\\\n\tc\n'],
  ['a JSON form', 'CMD ["a", \\\n  "b"]\n'],
  ['ONBUILD with nothing', 'ONBUILD\nONBUILD \n'],
  ['non-ASCII text', 'LABEL a="é ünïcode"\nRUN echo ☃\n'],
];

test('hand-written edge cases parse as dockerfile-ast read them', () => {
  for (const [what, source] of EDGE_CASES) sameAsOracle(source, what);
});

test('seeded generated Dockerfiles parse as dockerfile-ast read them', () => {
  const random = seededRandom(13);
  for (let n = 0; n < 3000; n++) sameAsOracle(plausibleDockerfile(random), `plausible #${n}`);
  for (let n = 0; n < 3000; n++) sameAsOracle(soupDockerfile(random), `soup #${n}`);
});
