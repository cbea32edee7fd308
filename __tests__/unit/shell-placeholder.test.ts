import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell } from '../../src/parse/shell.js';

/** The words and redirections of the one command of `text`. */
function read(text: string): [string[], string[]] {
  const [c] = parseShell(text).commands;
  return [c.argv, c.redirects.map((r) => `${r.op}${r.target}`)];
}

test('template placeholders are words: upper case anywhere, any case glued to a module path or port', () => {
  const cases: [string, string[], string[]][] = [
    ['gunicorn <DJANGO_APP_NAME>.wsgi:application', ['gunicorn', '<DJANGO_APP_NAME>.wsgi:application'], []],
    ['gunicorn <APP> --bind 0.0.0.0:8000', ['gunicorn', '<APP>', '--bind', '0.0.0.0:8000'], []],
    [
      'gunicorn --env DJANGO_SETTINGS_MODULE=<APP-NAME>.settings',
      ['gunicorn', '--env', 'DJANGO_SETTINGS_MODULE=<APP-NAME>.settings'],
      [],
    ],
    ['gunicorn <project_name>.wsgi:application', ['gunicorn', '<project_name>.wsgi:application'], []],
    ['uvicorn <app>:app', ['uvicorn', '<app>:app'], []],
    // Real redirections keep working.
    ['gunicorn <APP>.wsgi > /var/log/x.log 2>&1', ['gunicorn', '<APP>.wsgi'], ['>/var/log/x.log', '2>&1']],
    ['psql <input', ['psql'], ['<input']],
    ['sort <in >out', ['sort'], ['<in', '>out']],
    ['sort <in>out', ['sort'], ['<in', '>out']],
    ['sort <IN>>out', ['sort'], ['<IN', '>>out']],
    ['cmd 2<FILE>x', ['cmd'], ['2<FILE', '>x']],
    ['cat <input.txt>out.txt', ['cat'], ['<input.txt', '>out.txt']],
  ];
  for (const [text, argv, redirects] of cases) assert.deepEqual(read(text), [argv, redirects], text);
});

test('a placeholder inside an inline script, a heredoc or quotes is kept as written', () => {
  const commands = parseShell(
    'bash -c "migrate && gunicorn <APP>.wsgi"\ncat <<EOF\n<NAME>\nEOF\necho \'<X>\'',
  ).commands;
  assert.deepEqual(
    commands.map((c) => c.argv),
    [
      ['bash', '-c', 'migrate && gunicorn <APP>.wsgi'],
      ['migrate'],
      ['gunicorn', '<APP>.wsgi'],
      ['cat'],
      ['echo', '<X>'],
    ],
  );
  assert.equal(commands[3].stdin, '<NAME>\n');
});
