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

test('manage.py run as a child process: the words the file shows, names set once in it resolved', () => {
  const text = [
    'import os, subprocess, sys',
    'MANAGE = "manage.py"',
    'SEED = " ".join(["python", MANAGE, "loaddata", "base"])',
    'subprocess.run([sys.executable, MANAGE, "migrate", "--noinput"], check=True)',
    'os.system("python manage.py flush --noinput && python manage.py collectstatic")',
    'subprocess.check_output("python {} makemigrations".format(MANAGE), shell=True)',
    'subprocess.call(SEED, shell=True)',
    'os.system(f"python {MANAGE} reset_db")',
    '# os.system("python manage.py flush")',
    'subprocess.run("python manage.py migrate")',
    'subprocess.run(["python", os.environ["MANAGE_PY"], "flush"])',
    'subprocess.run(["python", PATH, "flush"])',
    'PATH = "a"',
    'PATH = "b"',
  ].join('\n');
  assert.deepEqual(
    managementCalls(text).map((c) => [c.line, c.name, ...c.args]),
    [
      [4, 'migrate', '--noinput'],
      [5, 'flush', '--noinput'],
      [5, 'collectstatic'],
      [6, 'makemigrations'],
      [7, 'loaddata', 'base'],
      [8, 'reset_db'],
    ],
  );
});
