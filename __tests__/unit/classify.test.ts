import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  composeFilesAmong,
  isComposeFile,
  isDockerfile,
  looksLikeCompose,
} from '../../src/discover/classify.js';
import {
  isDevelopmentComposeFile,
  isNamedForProduction,
  isSwarmStackFile,
} from '../../src/rules/lib/files.js';

test('Dockerfile names: the usual ones, any name ending in .dockerfile, and none of the look-alikes', () => {
  for (const name of [
    'Dockerfile',
    'app/Dockerfile.prod',
    'Dockerfile-prod',
    'Dockerfile_v1',
    'deploy/Dockerfile_nginx',
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
    'Dockerfile_notes.txt',
    'dockerfile_parser.py',
    'Dockerfile.yml',
    'docs/dockerfile.html',
    'pkg/dockerfile.go',
    'lib/dockerfile.py',
    'vendor/moby/Dockerfile',
    'static/admin/Dockerfile',
  ])
    assert.equal(isDockerfile(name), false, name);
});

test('compose file names: the default and variant names, and a Swarm stack file; not stack.yaml (Haskell Stack)', () => {
  for (const name of [
    'docker-compose.yml',
    'compose.production.yaml',
    'docker-compose-deploy.yml',
    'docker-stack.yml',
  ])
    assert.ok(isComposeFile(name), name);
  for (const name of ['stack.yaml', 'docker-stacks.txt', 'compose.md']) assert.ok(!isComposeFile(name), name);
});

test('compose templates (like .env.example) are no compose projects, by name or by content', () => {
  const text = 'services:\n  web:\n    build: .\n';
  for (const name of ['docker-compose.example.yml', 'docker-compose.template.yaml', 'compose-sample.yml'])
    assert.ok(!isComposeFile(name), name);
  for (const name of ['docker/celery/prod-template.yml', 'deploy/staging.tmpl.yml', 'examples.yml'])
    assert.ok(!looksLikeCompose(name, text), name);
  for (const name of ['docker-compose.yml', 'local.yml', 'docker/compose-templated-env.yml'])
    assert.ok(looksLikeCompose(name, text), name);
});

test('a compose template named for production is analysed, as the production file', () => {
  const text = 'services:\n  web:\n    build: .\n';
  for (const name of ['docker-compose-prod_template.yml', 'docker-compose.production.example.yml'])
    assert.ok(isComposeFile(name) && looksLikeCompose(name, text), name);
  assert.ok(isNamedForProduction('docker-compose-prod_template.yml'));
  assert.ok(
    isDevelopmentComposeFile('docker-compose.yml', [
      'docker-compose.yml',
      'docker-compose-prod_template.yml',
    ]),
  );
});

test('a version-1 compose file under another name (production.yml, local.yml) is one; other YAML is not', () => {
  const legacy = [
    'web:',
    '  build: ./web',
    '  links:',
    '    - db',
    '  environment:',
    '    - SECRET_KEY=${SECRET_KEY}',
    '',
    '# the database',
    'db:',
    '  image: postgres:16',
    '  ports:',
    '    - "5432"',
    '',
  ].join('\n');
  for (const name of ['production.yml', 'local.yml', 'compose/production.yml'])
    assert.ok(looksLikeCompose(name, legacy), name);
  assert.ok(isDevelopmentComposeFile('docker-compose.yml', ['docker-compose.yml', 'production.yml']));
  const others: [string, string][] = [
    ['mkdocs.yml', 'site_name: mysite\ntheme:\n  name: material\n'],
    ['ansible.yml', '- hosts: all\n  tasks:\n    - name: x\n'],
    ['config.yml', 'web:\n  image: logo.png\n  title: Home\n'],
    ['services.yml', 'web:\n  ports:\n    - 80\n'],
  ];
  for (const [name, text] of others) assert.ok(!looksLikeCompose(name, text), name);
});

test('compose templates: analysed only where no other file is a compose file', () => {
  const compose = 'services:\n  web:\n    build: .\n';
  const notes = 'site_name: docs\n';
  assert.deepEqual(composeFilesAmong({ 'docker-compose.example.yml': compose, 'mkdocs.yml': notes }), [
    'docker-compose.example.yml',
  ]);
  assert.deepEqual(composeFilesAmong({ 'prod-template.yml': compose }), ['prod-template.yml']);
  assert.deepEqual(
    composeFilesAmong({ 'docker-compose.example.yml': compose, 'docker-compose.yml': compose }),
    ['docker-compose.yml'],
  );
  assert.deepEqual(composeFilesAmong({ 'sample.yml': notes }), []);
});

test('development and production compose files: a debug variant is for development, a stack file names no production alternative', () => {
  assert.ok(isDevelopmentComposeFile('docker-compose.debug.yml'));
  assert.ok(isDevelopmentComposeFile('docker-compose.override.yml'));
  assert.ok(!isDevelopmentComposeFile('docker-stack.yml'));
  assert.ok(isNamedForProduction('docker-stack.yml'));
  assert.ok(isSwarmStackFile('deploy/docker-stack.prod.yml'));
  assert.ok(isSwarmStackFile('docker-compose.swarm.yml'));
  assert.ok(!isSwarmStackFile('docker-compose.yml'));
  assert.ok(!isSwarmStackFile('docker-compose.full-stack.yml'));
  // A stack file beside the default file does not make it the development one: the catalog's production words are
  // prod, production, deploy, release and live.
  assert.ok(!isDevelopmentComposeFile('docker-compose.yml', ['docker-compose.yml', 'docker-stack.yml']));
  assert.ok(
    isDevelopmentComposeFile('docker-compose.yml', ['docker-compose.yml', 'docker-compose.prod.yml']),
  );
});
