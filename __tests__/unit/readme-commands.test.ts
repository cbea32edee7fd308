import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readmeBuildCommands, readmeComposeCommands } from '../../src/model/readme-commands.js';

test('a plain-text README gives its docker build lines, a prompt dropped', () => {
  const text = [
    'Notes',
    '',
    '$ docker build -t me/app:v3 .',
    'docker-compose up',
    'docker build takes a while',
  ];
  assert.equal(
    readmeBuildCommands('ReadMe.txt', text.join('\n')),
    'docker build -t me/app:v3 .\ndocker build takes a while',
  );
});

test('in Markdown only fenced or indented code counts, with continued lines joined', () => {
  const text = [
    '# App',
    'Run `docker build -t prose/app .` once.', // inline code in prose: not taken
    '```sh',
    'docker build \\',
    '  -t me/app:v3 .',
    '```',
    '',
    '    docker buildx build -t me/worker -f worker/Dockerfile .',
    'docker build -t loose/app .', // a prose line
  ];
  assert.equal(
    readmeBuildCommands('README.md', text.join('\n')),
    'docker build -t me/app:v3 .\ndocker buildx build -t me/worker -f worker/Dockerfile .',
  );
});

test('compose commands come from code and from inline code in prose, a span wrapped onto the next line too', () => {
  const text = [
    '# App',
    'Run the debugger: `docker compose -f docker-compose.yml -f',
    'docker-compose.debug.yml up`, or `make debug`.',
    '```sh',
    '$ docker-compose -f docker-compose.yml -f docker-compose.local.yml up',
    '```',
    'docker compose -f loose.yml up', // a prose line
  ];
  assert.equal(
    readmeComposeCommands('README.md', text.join('\n')),
    'docker-compose -f docker-compose.yml -f docker-compose.local.yml up\n' +
      'docker compose -f docker-compose.yml -f docker-compose.debug.yml up',
  );
});
