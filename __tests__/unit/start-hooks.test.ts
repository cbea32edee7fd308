import assert from 'node:assert/strict';
import { test } from 'node:test';
import { managementCalls } from '../../src/model/management-calls.js';
import { uwsgiIniLogs } from '../../src/model/server-config.js';

const ini = (...lines: string[]) => uwsgiIniLogs('uwsgi.ini', lines.join('\n') + '\n');

test('uwsgi start-up hooks: exec-PHASE and hook-PHASE = exec: run their command on each start', () => {
  const config = ini(
    '[uwsgi]',
    'exec-pre-app = /srv/manage.py prepare',
    'hook-as-root = exec:python manage.py migrate --noinput && echo done',
    'exec_asap = true',
    'hook-pre-app = mount:proc none /proc',
    'exec-as-user-atexit = kill $(cat /tmp/x.pid)',
  );
  assert.deepEqual(
    config.startHooks?.map((h) => [h.line, h.option, h.commands.map((c) => c.argv.join(' '))]),
    [
      [2, 'exec-pre-app', ['/srv/manage.py prepare']],
      [3, 'hook-as-root', ['python manage.py migrate --noinput', 'echo done']],
      [4, 'exec_asap', ['true']],
    ],
  );
});

test('uwsgi start-up hooks: none outside the [uwsgi] section', () => {
  assert.equal(ini('[other]', 'exec-pre-app = manage.py migrate').startHooks, undefined);
});

test('call_command: the command named by a literal, its string arguments and true flags, at its line', () => {
  const text = [
    'from django.core import management',
    'def handle(self):',
    '    management.call_command("migrate", interactive=False)',
    '    # call_command("flush")',
    "    call_command('migrate', plan=True)",
    '    call_command(',
    "        'collectstatic', '--noinput'",
    '    )',
    '    call_command(name)',
  ].join('\n');
  assert.deepEqual(managementCalls(text), [
    { line: 3, name: 'migrate', args: [] },
    { line: 5, name: 'migrate', args: ['--plan'] },
    { line: 6, name: 'collectstatic', args: ['--noinput'] },
  ]);
});
