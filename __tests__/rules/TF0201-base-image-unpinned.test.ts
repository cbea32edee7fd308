import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseImageUnpinned } from '../../src/rules/TF0201-base-image-unpinned.js';
import { appRuleCases, df } from '../support/rule-cases.js';
import { messages } from '../support/app-fixture.js';

appRuleCases(baseImageUnpinned, [
  ['no tag fires', { dockerfile: df('FROM python') }, ['Dockerfile:1']],
  ['a tag from an ARG default is pinned', { dockerfile: df('ARG PY=3.12', 'FROM python:${PY}-slim') }, []],
  [':latest fires', { dockerfile: df('FROM python:3.12 AS b', 'FROM python:latest') }, ['Dockerfile:2']],
  [
    'a builder stage is judged too',
    { dockerfile: df('FROM node AS assets', 'FROM python:3.12-slim') },
    ['Dockerfile:1'],
  ],
  [
    'an ARG resolving to latest fires',
    { dockerfile: df('ARG TAG=latest', 'FROM python:$TAG') },
    ['Dockerfile:2'],
  ],
  [
    'build args override the default',
    { dockerfile: df('ARG TAG=3.12', 'FROM python:$TAG'), buildArgs: { TAG: 'latest' } },
    ['Dockerfile:2'],
  ],
  ['an unresolved variable is silent', { dockerfile: df('FROM python:$UNSET', 'FROM $BASE') }, []],
  ['a digest without tag is pinned', { dockerfile: df('FROM python@sha256:0123') }, []],
  ['latest with a digest is pinned', { dockerfile: df('FROM python:latest@sha256:0123') }, []],
  [
    'stage references and scratch are silent',
    { dockerfile: df('FROM python:3.12 AS base', 'FROM base', 'FROM scratch') },
    [],
  ],
  ['a name with capitals and no tag fires', { dockerfile: df('FROM Python') }, ['Dockerfile:1']],
  ['a placeholder in capitals only is silent', { dockerfile: df('FROM BASE_IMAGE') }, []],
  ['a registry port is not a tag', { dockerfile: df('FROM registry:5000/py') }, ['Dockerfile:1']],
  [
    'COPY --from of an image with :latest or no tag fires',
    {
      dockerfile: df(
        'FROM python:3.12-slim',
        'COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/uv',
        'COPY --from=nginx /etc/nginx/mime.types /etc/',
      ),
    },
    ['Dockerfile:2', 'Dockerfile:3'],
  ],
  [
    'COPY --from of a pinned image, a stage name or index is silent',
    {
      dockerfile: df(
        'FROM python:3.12 AS Build',
        'FROM python:3.12-slim',
        'COPY --from=build /w /w',
        'COPY --from=0 /w /v',
        'COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/uv',
        'COPY --from=$UV_IMAGE /uv /bin/uv',
      ),
    },
    [],
  ],
]);

test('TF0201 base-image-unpinned: a COPY --from image is named as such', () => {
  const [message] = messages(baseImageUnpinned, {
    dockerfile: df('FROM python:3.12-slim', 'COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/uv'),
  });
  assert.match(
    message,
    /^COPY --from=ghcr\.io\/astral-sh\/uv:latest copies from an image that uses the floating tag/,
  );
});

test('TF0201 base-image-unpinned: the message names the image', () => {
  assert.match(messages(baseImageUnpinned, { dockerfile: df('FROM python:latest') })[0], /python:latest/);
});

test('TF0201 base-image-unpinned: a version glued to an official name (python3.14) is named as the likely typo, not as a repository to tag', () => {
  const [message] = messages(baseImageUnpinned, { dockerfile: df('FROM python3.14') });
  assert.match(message, /^FROM python3\.14 names no tag, and Docker Hub has no image 'python3\.14'/);
  assert.match(message, /probably a typo for python:3\.14/);
  assert.doesNotMatch(message, /python3\.14:<version>/);
  const [node] = messages(baseImageUnpinned, { dockerfile: df('FROM node18 AS assets', 'FROM python:3.12') });
  assert.match(node, /probably a typo for node:18/);
  // Another publisher's name ending in digits is an image of its own: the usual advice.
  const [other] = messages(baseImageUnpinned, { dockerfile: df('FROM acme/python3') });
  assert.match(other, /Pin a version tag such as acme\/python3:<version>/);
});

test('a capitalised name says the reference is invalid and names the lower-case image', () => {
  const [m] = messages(baseImageUnpinned, { dockerfile: df('FROM Python') });
  assert.match(m, /'Python' is not a valid image name/);
  assert.match(m, /Write python:<version>/);
  assert.doesNotMatch(m, /Python:<version>/);
});
