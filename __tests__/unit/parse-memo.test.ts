import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseComposeYaml } from '../../src/parse/compose.js';
import { parseDockerfile } from '../../src/parse/dockerfile.js';
import { plainCommands } from '../../src/parse/plain-shell.js';
import { rememberedParser } from '../../src/parse/memo.js';
import { parsePython } from '../../src/parse/python.js';

test('a remembered parser parses a text once, keeps the most recent ones, and keys on what its result depends on', () => {
  const calls: string[] = [];
  const parse = rememberedParser(
    (file: string, text: string) => {
      calls.push(`${file}:${text}`);
      return { file, length: text.length };
    },
    (file, text) => `${file}\0${text}`,
    2,
  );
  const a = parse('a.yml', 'x: 1');
  assert.equal(parse('a.yml', 'x: 1'), a);
  assert.notEqual(parse('b.yml', 'x: 1'), a, 'another file, another result (its errors name the file)');
  parse('a.yml', 'y: 2');
  parse('a.yml', 'x: 1');
  assert.deepEqual(
    calls,
    ['a.yml:x: 1', 'b.yml:x: 1', 'a.yml:y: 2', 'a.yml:x: 1'],
    'the oldest is forgotten',
  );
});

test('the Python, compose and Dockerfile parsers answer the same text with the same result', () => {
  const settings = 'DEBUG = False\nSECRET_KEY = "x"\n';
  assert.equal(parsePython(settings), parsePython(`${settings}`));
  assert.notEqual(parsePython(settings), parsePython(`${settings}# changed\n`));
  const compose = 'services:\n  web:\n    image: app\n';
  assert.equal(parseComposeYaml('compose.yml', compose), parseComposeYaml('compose.yml', compose));
  assert.notEqual(parseComposeYaml('compose.yml', compose), parseComposeYaml('other.yml', compose));
  assert.equal(parseDockerfile('FROM python:3.12\n'), parseDockerfile('FROM python:3.12\n'));
});

test('a plain shell command is read once per text, and a Python line is numbered alike after LF, CRLF and CR', () => {
  const command = 'pip install gunicorn && python manage.py migrate';
  assert.equal(plainCommands(command), plainCommands(`${command}`));
  assert.deepEqual(
    plainCommands(command)?.map((c) => c.argv[0]),
    ['pip', 'python'],
  );
  for (const eol of ['\n', '\r\n', '\r']) {
    const module = parsePython(['A = 1', '', 'DEBUG = True', ''].join(eol));
    const debug = module.statements.at(-1)!;
    assert.equal(module.lineOf(debug.from), 3, JSON.stringify(eol));
  }
});
