import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell } from '../../src/parse/shell.js';
import { endsInSimpleCommand, imageShells } from '../../src/rules/lib/image-shell.js';

test('imageShells: which shells exec the last command of a -c list, by base image', () => {
  const cases: [string | undefined, { bash: 'lists' | 'and-or' | false; sh: boolean }][] = [
    ['python:3.12', { bash: 'lists', sh: false }],
    ['python:latest', { bash: 'lists', sh: false }],
    ['python', { bash: 'lists', sh: false }],
    ['python:3.5.2', { bash: false, sh: false }],
    ['python:3.10.5-slim-bullseye', { bash: 'lists', sh: false }],
    ['python:3.9-slim-buster', { bash: 'and-or', sh: false }],
    ['python:2.7', { bash: false, sh: false }],
    ['python:3.5-slim', { bash: false, sh: false }],
    // A patch release built on buster stays there; a later one of the same minor, or any 3.10, is bullseye or newer.
    ['python:3.7.4', { bash: 'and-or', sh: false }],
    ['python:3.8.10-slim', { bash: 'and-or', sh: false }],
    ['python:3.9.7-slim', { bash: 'lists', sh: false }],
    ['python:3.10.0', { bash: 'lists', sh: false }],
    ['python:3.9-alpine3.13', { bash: 'lists', sh: true }],
    ['python:3.8-alpine3.12', { bash: 'lists', sh: false }],
    ['python:3.12-alpine', { bash: 'lists', sh: true }],
    ['alpine:3.19', { bash: 'lists', sh: true }],
    ['ubuntu:22.04', { bash: 'lists', sh: false }],
    ['ubuntu:20.04', { bash: 'lists', sh: false }],
    ['debian:bookworm-slim', { bash: 'lists', sh: false }],
    ['debian:10', { bash: 'and-or', sh: false }],
    ['registry.example.com:5000/python:3.12', { bash: 'lists', sh: false }],
    ['nginx:1.21.1', { bash: false, sh: false }],
    // Other official images: Debian-based (dash as /bin/sh, bash 5.1+ from bullseye) unless the tag says Alpine.
    ['nginx', { bash: 'lists', sh: false }],
    ['nginx:1.27', { bash: 'lists', sh: false }],
    ['docker.io/library/nginx:stable-perl', { bash: 'lists', sh: false }],
    ['nginx:alpine', { bash: 'lists', sh: true }],
    ['nginx:1.27-alpine-slim', { bash: 'lists', sh: true }],
    ['nginx:1.19-alpine', { bash: false, sh: false }],
    // nginx's alpine images are on Alpine 3.13 or later from 1.19.7 (1.21.x on 3.13-3.16), before bullseye.
    ['nginx:1.21-alpine', { bash: 'lists', sh: true }],
    ['nginx:1.20.1-alpine', { bash: 'lists', sh: true }],
    ['nginx:1.19.7-alpine', { bash: 'lists', sh: true }],
    ['nginx:1.19.6-alpine', { bash: false, sh: false }],
    ['nginx:1.18-alpine', { bash: false, sh: false }],
    ['myorg/nginx:1.27', { bash: false, sh: false }],
    ['httpd:2.4', { bash: 'lists', sh: false }],
    ['httpd:2.4.46', { bash: false, sh: false }],
    ['node:20-slim', { bash: 'lists', sh: false }],
    ['node:lts', { bash: 'lists', sh: false }],
    ['node:14', { bash: false, sh: false }],
    ['node:20-alpine', { bash: 'lists', sh: true }],
    ['postgres:16', { bash: 'lists', sh: false }],
    ['postgres:13.3', { bash: false, sh: false }],
    ['postgres:13', { bash: 'lists', sh: false }],
    ['redis:7.2', { bash: 'lists', sh: false }],
    ['redis:6.2.5', { bash: false, sh: false }],
    ['redis:5', { bash: false, sh: false }],
    ['debian', { bash: 'lists', sh: false }],
    ['debian:stable-slim', { bash: 'lists', sh: false }],
    ['ubuntu', { bash: 'lists', sh: false }],
    ['alpine', { bash: 'lists', sh: true }],
    // Every tag of the official python image's Alpine variants is Alpine, a future version's too.
    ['python:3.14-alpine', { bash: 'lists', sh: true }],
    ['python:3.13-alpine3.22', { bash: 'lists', sh: true }],
    ['python:3.15-rc-alpine', { bash: 'lists', sh: true }],
    ['python:3.16-alpine', { bash: 'lists', sh: true }],
    ['python:3.7-alpine', { bash: 'lists', sh: true }],
    ['python:3.14', { bash: 'lists', sh: false }],
    ['python:3.14-slim-trixie', { bash: 'lists', sh: false }],
    ['python:3.13-bookworm', { bash: 'lists', sh: false }],
    ['python:3.15-rc-slim', { bash: 'lists', sh: false }],
    ['alpine:3.12', { bash: 'lists', sh: false }],
    // bash 4.4 to 5.0.4 exec the last command after `&&`/`||` only; 4.3 (jessie, xenial, Alpine 3.6) never.
    ['python:3.7-stretch', { bash: 'and-or', sh: false }],
    ['ubuntu:18.04', { bash: 'and-or', sh: false }],
    ['ubuntu:16.04', { bash: false, sh: false }],
    ['debian:jessie', { bash: false, sh: false }],
    ['debian:8', { bash: false, sh: false }],
    ['python:3.6.2-alpine3.6', { bash: false, sh: false }],
    ['python:3.7-alpine3.10', { bash: 'and-or', sh: false }],
    ['python:3.6.0', { bash: false, sh: false }],
    ['python:${PY}', { bash: false, sh: false }],
    [undefined, { bash: false, sh: false }],
  ];
  for (const [image, expected] of cases) assert.deepEqual(imageShells(image), expected, String(image));
});

test('endsInSimpleCommand: the -c lists bash 5.2 and BusyBox 1.35 exec the last command of (PID 1 checked)', () => {
  const last = (script: string) => parseShell(script).commands.at(-1)!;
  // [script, bash execs it, BusyBox ash execs it]
  const cases: [string, boolean, boolean][] = [
    ['python manage.py migrate && gunicorn a.wsgi', true, true],
    ['python manage.py migrate; gunicorn a.wsgi', true, true],
    ['cd /app && python manage.py migrate && gunicorn a.wsgi', true, true],
    ['false || gunicorn a.wsgi', true, true],
    ['python manage.py migrate\ngunicorn a.wsgi', true, true],
    ['python manage.py migrate &&\n  gunicorn a.wsgi', true, true],
    ['python manage.py migrate && gunicorn a.wsgi;', true, true],
    ['migrate && gunicorn a.wsgi # serve', true, true],
    // `;` binds looser than `&&`: bash sees `a; (b && c)`, whose right-hand is no simple command, and forks c.
    ['set -e; python manage.py migrate && gunicorn a.wsgi', false, true],
    ['cd /app; python manage.py migrate && gunicorn a.wsgi', false, true],
    ['cd /app; migrate || true && gunicorn a.wsgi', false, true],
    // On a line of its own the and-or list is the last command again.
    ['set -e\npython manage.py migrate && gunicorn a.wsgi', true, true],
    ['cd /app;\nmigrate && gunicorn a.wsgi', true, true],
    // A line end after the last command: one is fine for bash, none for BusyBox; more, or a comment line, for neither.
    ['migrate\ngunicorn a.wsgi\n', true, false],
    ['migrate && gunicorn a.wsgi\n\n', false, false],
    ['migrate && gunicorn a.wsgi\n  ', false, false],
    ['migrate && gunicorn a.wsgi\n# done', false, false],
    // Redirected: bash keeps itself for the redirection, BusyBox does not.
    ['migrate && gunicorn a.wsgi 2>&1', false, true],
    ['migrate | tee log; gunicorn a.wsgi', true, true],
    ['migrate; echo x | gunicorn a.wsgi', false, false],
    ['trap "echo bye" TERM; gunicorn a.wsgi', false, false],
    // BusyBox execs the command inside the group too; the finding is kept there all the same.
    ['migrate && { gunicorn a.wsgi; }', false, false],
    // A parameter expansion's braces are part of a word, not a group.
    ['gunicorn a.wsgi -b 0.0.0.0:${PORT:-8000}', true, true],
    ['migrate && gunicorn a.wsgi -b ${HOST:-0.0.0.0}:${PORT:-${DEFAULT_PORT}}', true, true],
  ];
  for (const [script, bash, busybox] of cases) {
    // bash 4.4 to 5.0.4: the same, but a `;` on the last line keeps bash
    const andOr = bash && !/;\s*[^\s;]/.test(script.slice(script.lastIndexOf('\n') + 1));
    assert.equal(
      endsInSimpleCommand(script, last(script), false, false),
      andOr,
      `bash 5.0 -c ${JSON.stringify(script)}`,
    );
    assert.equal(endsInSimpleCommand(script, last(script)), bash, `bash -c ${JSON.stringify(script)}`);
    assert.equal(
      endsInSimpleCommand(script, last(script), true),
      busybox,
      `busybox sh -c ${JSON.stringify(script)}`,
    );
  }
});
