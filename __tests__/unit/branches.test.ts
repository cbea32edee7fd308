import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  argsThrough,
  type BranchInputs,
  commandsThatRun,
  evaluateCondition,
  expandWord,
} from '../../src/model/command/branches.js';
import { parseShell } from '../../src/parse/shell.js';

/** The lines of `script` that run with these arguments and variables (a missing variable is unset, `?` unknown). */
function linesRun(script: string, args: string[] | undefined, vars: Record<string, string> = {}): string[] {
  const inputs: BranchInputs = {
    args,
    variable: (name) => (name in vars ? (vars[name] === '?' ? undefined : vars[name]) : null),
  };
  return parseShell(script)
    .commands.filter((c) => (c.guards ?? []).every((g) => evaluateCondition(g, inputs) !== false))
    .map((c) => c.argv.join(' '))
    .filter((line) => !line.startsWith('[') && !line.startsWith('test '));
}

const DEV_BRANCH = `#!/bin/sh
if [ "$1" = "--dev" ]; then
    python manage.py runserver 0.0.0.0:8000
else
    gunicorn app.wsgi -b 0.0.0.0:8000
fi`;

test('if [ "$1" = x ]: the branch the arguments take; both when the arguments are unknown', () => {
  assert.deepEqual(linesRun(DEV_BRANCH, []), ['gunicorn app.wsgi -b 0.0.0.0:8000']);
  assert.deepEqual(linesRun(DEV_BRANCH, ['--dev']), ['python manage.py runserver 0.0.0.0:8000']);
  assert.deepEqual(linesRun(DEV_BRANCH, undefined), [
    'python manage.py runserver 0.0.0.0:8000',
    'gunicorn app.wsgi -b 0.0.0.0:8000',
  ]);
  assert.deepEqual(linesRun(DEV_BRANCH.replace('" = "', '" == "'), ['--dev']), [
    'python manage.py runserver 0.0.0.0:8000',
  ]);
});

test('[ -z "$1" ], [ -n "$VAR" ], [[ … ]], test, negation and elif', () => {
  const script = `if [ -z "$1" ]; then a
elif [[ "$1" == w* && -n $DEBUG ]]; then b
elif ! test "$1" != beat; then c
elif [ -n "$DJANGO_ENV" ]; then d
else e; fi`;
  assert.deepEqual(linesRun(script, []), ['a']);
  assert.deepEqual(linesRun(script, ['worker'], { DEBUG: '1' }), ['b']);
  assert.deepEqual(linesRun(script, ['worker']), ['e']);
  assert.deepEqual(linesRun(script, ['beat']), ['c']);
  assert.deepEqual(linesRun(script, ['x'], { DJANGO_ENV: 'production' }), ['d']);
  assert.deepEqual(linesRun(script, ['x'], { DJANGO_ENV: '?' }), ['d', 'e']);
  assert.deepEqual(linesRun(script, ['worker'], { DEBUG: '?' }), ['b', 'e']);
});

test('case "$1": the item whose pattern matches, * only when none before did', () => {
  const script = `case "$1" in
  web) gunicorn mysite.wsgi ;;
  worker|celery) celery -A mysite worker ;;
  *) exec "$@" ;;
esac`;
  assert.deepEqual(linesRun(script, ['web']), ['gunicorn mysite.wsgi']);
  assert.deepEqual(linesRun(script, ['celery']), ['celery -A mysite worker']);
  assert.deepEqual(linesRun(script, ['bash']), ['$@']);
  assert.deepEqual(linesRun(script, undefined).length, 3);
});

test('a variable set in the image or compose decides; unset is the empty string; unknown keeps both', () => {
  const script = `if [ "$DJANGO_ENV" = "production" ]; then gunicorn mysite.wsgi; else python manage.py runserver; fi`;
  assert.deepEqual(linesRun(script, [], { DJANGO_ENV: 'production' }), ['gunicorn mysite.wsgi']);
  assert.deepEqual(linesRun(script, [], { DJANGO_ENV: 'development' }), ['python manage.py runserver']);
  assert.deepEqual(linesRun(script, []), ['python manage.py runserver']);
  assert.deepEqual(linesRun(script, [], { DJANGO_ENV: '?' }), [
    'gunicorn mysite.wsgi',
    'python manage.py runserver',
  ]);
});

test('branches that select nothing by default: the variables set nowhere and absent arguments are given at run', () => {
  const run = (script: string, args: string[] | undefined, vars: Record<string, string> = {}) =>
    commandsThatRun(parseShell(script).commands, {
      args,
      variable: (name) => (name in vars ? vars[name] : null),
    })
      .map((c) => c.argv.join(' '))
      .filter((line) => !line.startsWith('[') && !line.startsWith('echo'));
  const modes = `if [ "$RUN_MODE" = web ]; then python manage.py migrate && gunicorn app.wsgi
elif [ "$RUN_MODE" = worker ]; then celery -A app worker
else echo "unknown mode"; exit 1
fi`;
  assert.deepEqual(run(modes, []), [
    'python manage.py migrate',
    'gunicorn app.wsgi',
    'celery -A app worker',
    'exit 1',
  ]);
  // a value the repository sets still decides
  assert.deepEqual(run(modes, [], { RUN_MODE: 'worker' }), ['celery -A app worker']);
  const roles =
    'case "$1" in\n  web) exec gunicorn app.wsgi ;;\n  worker) exec celery -A app worker ;;\nesac';
  assert.deepEqual(run(roles, []), ['gunicorn app.wsgi', 'celery -A app worker']);
  assert.deepEqual(run(roles, ['worker']), ['celery -A app worker']);
  // a default branch that runs something is the container's start: the others stay untaken
  assert.deepEqual(run(DEV_BRANCH, []), ['gunicorn app.wsgi -b 0.0.0.0:8000']);
});

test('short forms: [ … ] && cmd, test … || cmd', () => {
  const script = `[ "$1" = "--dev" ] && exec python manage.py runserver
test -n "$DEBUG" || echo quiet
exec gunicorn mysite.wsgi`;
  assert.deepEqual(linesRun(script, []), ['echo quiet', 'gunicorn mysite.wsgi']);
  assert.deepEqual(linesRun(script, ['--dev'], { DEBUG: '1' }), [
    'python manage.py runserver',
    'gunicorn mysite.wsgi',
  ]);
});

test('conditions that are not tests, and tests of the filesystem, keep both branches', () => {
  const script = `if grep -q x f; then a; else b; fi
if [ -f /app/.env ]; then c; else d; fi
if [ "$(id -u)" = 0 ]; then e; else f; fi`;
  assert.deepEqual(linesRun(script, []), ['grep -q x f', 'a', 'b', 'c', 'd', 'e', 'f']);
});

test('words: ${VAR:-default}, ${VAR-default}, $#, and what cannot be known', () => {
  const inputs: BranchInputs = { args: ['a', 'b'], variable: (n) => (n === 'EMPTY' ? '' : null) };
  assert.equal(expandWord('${MODE:-prod}', inputs), 'prod');
  assert.equal(expandWord('${EMPTY-x}${EMPTY:-y}', inputs), 'y');
  assert.equal(expandWord('$#:$2:${3}', inputs), '2:b:');
  assert.equal(expandWord('$(hostname)', inputs), undefined);
  assert.equal(expandWord('${MODE%x}', inputs), undefined);
  assert.equal(evaluateCondition({ kind: 'test', words: ['$#', '-eq', '0'] }, inputs), false);
  assert.equal(
    evaluateCondition({ kind: 'test', words: ['$1', '=', 'a', '-a', '$2', '=', 'b'] }, inputs),
    true,
  );
  assert.equal(evaluateCondition({ kind: 'unknown' }, inputs), undefined);
});

test('a shift inside a branch leaves the arguments known for the tests read before it, not for those after', () => {
  const variable = () => null;
  const dispatch = parseShell(
    'if [ "$1" = manage ]; then shift; exec python manage.py "$@"; elif [ "$1" = web ]; then shift; exec gunicorn "$@"; fi',
  ).commands;
  assert.deepEqual(argsThrough(dispatch, ['web'], variable), ['web']);
  const testedAfter = parseShell(
    'if [ "$1" = manage ]; then shift; fi\nif [ "$1" = web ]; then exec gunicorn; fi',
  ).commands;
  assert.equal(argsThrough(testedAfter, ['manage', 'web'], variable), undefined);
  const nested = parseShell(
    'if [ "$1" = manage ]; then shift; if [ "$1" = web ]; then exec gunicorn; fi; fi',
  ).commands;
  assert.equal(argsThrough(nested, ['manage', 'web'], variable), undefined);
});
