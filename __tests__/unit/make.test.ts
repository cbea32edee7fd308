import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeInvocation, makeTargetScript } from '../../src/model/command/make.js';

const MAKEFILE = [
  'ifneq (,$(wildcard .env))', // 1
  '\tinclude .env', // 2
  'endif', // 3
  'MANAGE := python manage.py', // 4
  'WORKERS ?= 4', // 5
  '', // 6
  'all: web', // 7
  '', // 8
  'migrate:', // 9
  '\t@$(call log,"migrating")', // 10
  '\t$(MANAGE) migrate', // 11
  '', // 12
  'web: migrate ## serve', // 13
  '\t-echo $$HOME | tee /tmp/home && \\', // 14
  '\t  gunicorn -w $(WORKERS) mysite.wsgi', // 15
  'nested:', // 16
  '\t$(MAKE) migrate', // 17
  '\tcd sub && make -C sub other', // 18
].join('\n');

test('make invocations: targets, -f, -C and variable assignments told apart', () => {
  assert.deepEqual(makeInvocation(['make', 'prod-gunicorn']), { targets: ['prod-gunicorn'] });
  assert.deepEqual(makeInvocation(['exec', 'make', '-f', 'ops/Makefile', 'X=1', '-j', '2', 'a', 'b']), {
    file: 'ops/Makefile',
    targets: ['a', 'b'],
  });
  assert.deepEqual(makeInvocation(['/usr/bin/make', '-C', 'app']), { dir: 'app', targets: [] });
  assert.equal(makeInvocation(['python', 'manage.py', 'migrate']), undefined);
});

test('a make target runs its prerequisites first, then its recipe lines, with variables expanded', () => {
  const lines = (targets: string[]) =>
    makeTargetScript(MAKEFILE, targets).commands.map((c) => [c.line, c.argv.join(' ')]);
  assert.deepEqual(lines(['web']), [
    [11, 'python manage.py migrate'],
    [14, 'echo $HOME'],
    [14, 'tee /tmp/home'],
    [14, 'gunicorn -w 4 mysite.wsgi'],
  ]);
  // The default target is the first rule's; a recursive $(MAKE) runs the target in place, once.
  assert.deepEqual(lines([]), lines(['web']));
  assert.deepEqual(lines(['nested']), [
    [11, 'python manage.py migrate'],
    [18, 'cd sub'],
    [18, 'make -C sub other'],
  ]);
  assert.deepEqual(lines(['missing']), []);
});
