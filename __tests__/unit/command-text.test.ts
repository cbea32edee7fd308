/** The command lines messages and fixes suggest: parsed words written back so sh reads the words the author wrote. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { parseShellFully } from '../../src/parse/shell.js';
import { commandLine, execLine, shellLine, shellWord } from '../../src/rules/lib/command-text.js';

/** The last command of a script as the parser gives it. */
function lastCommand(script: string) {
  const c = parseShellFully(script).commands.at(-1);
  assert.ok(c, script);
  return c;
}

/** The words sh passes to a command written as `text` (printf prints one per line, between brackets). */
function wordsBySh(text: string, env: Record<string, string> = {}): string {
  return execFileSync('/bin/sh', ['-c', `printf '[%s]\\n' ${text}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
}

test('plain words stay bare; words with blanks or quotes are quoted once', () => {
  assert.equal(shellWord('gunicorn'), 'gunicorn');
  assert.equal(shellWord('0.0.0.0:8000'), '0.0.0.0:8000');
  assert.equal(shellWord('--bind=0.0.0.0:8000'), '--bind=0.0.0.0:8000');
  assert.equal(shellWord('a b'), "'a b'");
  assert.equal(shellWord("it's"), "'it'\\''s'");
  assert.equal(shellWord('say "hi"'), `'say "hi"'`);
  assert.equal(shellWord(''), "''");
  assert.equal(shellWord('*.py'), "'*.py'");
  assert.equal(shellWord('{a,b}'), "'{a,b}'");
  assert.equal(shellWord('{{'), '{{');
});

test('expansions stay as written; "$@" keeps its quotes', () => {
  assert.equal(shellWord('$PORT'), '$PORT');
  assert.equal(shellWord('${DDT_ROOT}/src/manage.py'), '${DDT_ROOT}/src/manage.py');
  assert.equal(shellWord('0.0.0.0:${PORT:-8000}'), '0.0.0.0:${PORT:-8000}');
  assert.equal(shellWord('$@'), '"$@"');
  assert.equal(shellWord('$HOME/my dir'), '"$HOME/my dir"');
  assert.equal(
    shellWord('$([ "$ENV" != "production" ] && echo "--reload" || echo "--preload")'),
    '$([ "$ENV" != "production" ] && echo "--reload" || echo "--preload")',
  );
});

test('the exec line keeps the assignments written before the command, through env', () => {
  const c = lastCommand('cd app && DJANGO_COLLECTSTATIC_NO_INPUT=1 python manage.py collectstatic --noinput');
  assert.deepEqual(c.argv, ['python', 'manage.py', 'collectstatic', '--noinput']);
  assert.equal(
    execLine(c),
    'exec env DJANGO_COLLECTSTATIC_NO_INPUT=1 python manage.py collectstatic --noinput',
  );
  assert.equal(commandLine(c), 'DJANGO_COLLECTSTATIC_NO_INPUT=1 python manage.py collectstatic --noinput');
  const quoted = lastCommand(`GREETING="hello world" NAME=$USER gunicorn a.wsgi`);
  assert.equal(execLine(quoted), 'exec env GREETING="hello world" "NAME=$USER" gunicorn a.wsgi');
  const printed = execLine(
    parseShellFully('GREETING="hello world" NAME=$WHO printenv GREETING NAME').commands[0],
  );
  const out = execFileSync('/bin/sh', ['-c', printed], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, WHO: 'a b' },
  });
  assert.equal(out, 'hello world\na b\n');
  assert.equal(execLine(lastCommand('exec gunicorn a.wsgi')), 'exec gunicorn a.wsgi');
});

test('words read through a script constant are written back as the script writes them, not as its value', () => {
  const script = [
    "MANAGE='python manage.py'",
    'WORKERS=4',
    'NAME=site',
    '$MANAGE run --workers ${WORKERS} --name "$NAME"',
  ];
  const c = lastCommand(script.join('\n'));
  assert.deepEqual(c.argv, ['python', 'manage.py', 'run', '--workers', '4', '--name', 'site']);
  assert.equal(execLine(c), 'exec $MANAGE run --workers ${WORKERS} --name "$NAME"');
  // a command rebuilt from another (its first word dropped) is quoted from its own words
  assert.equal(commandLine({ ...c, argv: c.argv.slice(1) }), 'manage.py run --workers 4 --name site');
});

test('sh reads the written-back words as it reads the original command', () => {
  const env = { ENV: 'dev', PORT: '9000', HOME: '/home/app' };
  for (const script of [
    `gunicorn mysite.wsgi --bind "0.0.0.0:$PORT" --name 'my app' --log-level "$([ "$ENV" != "production" ] && echo "info" || echo "warning")"`,
    `gunicorn mysite.wsgi $([ "$ENV" != "production" ] && echo "--reload" || echo "--preload") --access-logfile '-'`,
    `python "$HOME/my dir/manage.py" runserver 0.0.0.0:\${PORT:-8000} --settings=a.b "it's" '"quoted"' '$NOT_EXPANDED_IN_SQ' x\\ y`,
  ]) {
    const argv = lastCommand(script).argv;
    const original = script.slice(script.indexOf(' ') + 1);
    const written = shellLine(argv.slice(1));
    // A literal `$` written in single quotes is kept as an expansion: the parser cannot tell it apart.
    if (script.includes('NOT_EXPANDED')) {
      assert.equal(wordsBySh(written, env), wordsBySh(original.replace("'$NOT_EXPANDED_IN_SQ'", '$X'), env));
      continue;
    }
    assert.equal(wordsBySh(written, env), wordsBySh(original, env), written);
  }
});
