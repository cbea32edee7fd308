import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDockerfile } from '../../src/discover/classify.js';
import { isDevelopmentComposeFile } from '../../src/rules/lib/files.js';

test('Dockerfile names: the usual ones, any name ending in .dockerfile, and none of the look-alikes', () => {
  for (const name of [
    'Dockerfile',
    'app/Dockerfile.prod',
    'Dockerfile-prod',
    'web.dockerfile',
    'LocalDockerfile',
    'evil <img src=x> @octocat.Dockerfile',
  ])
    assert.ok(isDockerfile(name), name);
  for (const name of [
    '.dockerignore',
    'Dockerfile.dockerignore',
    'dockerfile.md.bak/x',
    'README.md',
    'my dockerfile',
    'static/codemirror/mode/dockerfile/dockerfile.js',
    'dockerfile.js',
    'Dockerfile.md',
    'dockerfile.txt',
    'Dockerfile.yml',
    'docs/dockerfile.html',
    'pkg/dockerfile.go',
    'lib/dockerfile.py',
    'vendor/moby/Dockerfile',
    'static/admin/Dockerfile',
  ])
    assert.equal(isDockerfile(name), false, name);
});

test('development compose files: a debug variant (VS Code docker-compose.debug.yml) is for development', () => {
  assert.ok(isDevelopmentComposeFile('docker-compose.debug.yml'));
  assert.ok(isDevelopmentComposeFile('docker-compose.override.yml'));
  assert.ok(!isDevelopmentComposeFile('docker-compose.prod.yml'));
});
