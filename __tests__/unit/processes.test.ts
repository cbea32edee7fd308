import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  backgroundStart,
  daemonOf,
  embedsBeat,
  foregroundSequence,
  longRunningProcess,
  reverseProxyOf,
} from '../../src/model/command.js';
import { parseShell } from '../../src/parse/shell.js';

/** The processes of a script that hold its shell one after the other, as `what` names. */
const sequence = (script: string) => foregroundSequence(parseShell(script, 1).commands)?.map((p) => p.what);

// [script, the long-running processes it runs in sequence (undefined: none)]
const SEQUENCES: [string, string[] | undefined][] = [
  ['gunicorn a.wsgi && celery -A a worker', ['gunicorn', 'celery worker']],
  ['gunicorn a.wsgi; celery -A a worker', ['gunicorn', 'celery worker']],
  ['python manage.py migrate && gunicorn a.wsgi || celery -A a worker', ['gunicorn', 'celery worker']],
  [
    'celery -A a worker; celery -A a beat; exec gunicorn a.wsgi',
    ['celery worker', 'celery beat', 'gunicorn'],
  ],
  ['python manage.py migrate && exec gunicorn a.wsgi', undefined],
  // Sent to the background, or detaching by itself: the shell goes on at once.
  ['gunicorn a.wsgi & celery -A a worker', undefined],
  ['celery -A a worker --detach && gunicorn a.wsgi', undefined],
  ['nginx && gunicorn a.wsgi', undefined],
  ['cron && gunicorn a.wsgi', undefined],
  ['cron -f; gunicorn a.wsgi', ['cron', 'gunicorn']],
  // Alternatives of a case or if/else are no sequence.
  ['case "$1" in web) gunicorn a.wsgi;; worker) celery -A a worker;; esac', undefined],
  ['if [ "$ROLE" = web ]; then gunicorn a.wsgi; else celery -A a worker; fi', undefined],
  // Functions run where they are called: called from two arms, their bodies are alternatives too.
  [
    'web() { gunicorn a.wsgi; }\nworker() { celery -A a worker; }\ncase "$1" in web) web;; *) worker;; esac',
    undefined,
  ],
  // A guarded command after the server still runs after it when its test holds.
  ['gunicorn a.wsgi\n[ "$WORKER" = 1 ] && celery -A a worker', ['gunicorn', 'celery worker']],
  [
    'case "$1" in web) gunicorn a.wsgi; celery -A a beat;; *) celery -A a worker;; esac',
    ['gunicorn', 'celery beat'],
  ],
];

for (const [script, expected] of SEQUENCES)
  test(`foregroundSequence: ${script}`, () => {
    assert.deepEqual(sequence(script), expected);
  });

test('longRunningProcess and daemonOf tell a server, a worker, a daemon and a one-off apart', () => {
  assert.equal(longRunningProcess(['gunicorn', 'a.wsgi']), 'gunicorn');
  assert.equal(longRunningProcess(['celery', '-A', 'a', 'beat']), 'celery beat');
  assert.equal(longRunningProcess(['python', 'manage.py', 'migrate']), undefined);
  // A package's dev server or watcher runs until stopped; its build is a one-off.
  assert.equal(longRunningProcess(['npm', 'start']), 'npm start');
  assert.equal(longRunningProcess(['npm', 'run', 'dev']), 'npm run dev');
  assert.equal(longRunningProcess(['yarn', 'serve']), 'yarn serve');
  assert.equal(longRunningProcess(['npm', 'run', 'build']), undefined);
  assert.equal(longRunningProcess(['npm', 'dev']), undefined);
  // Apache held in the foreground runs until stopped; started plainly it forks, and -t only checks.
  assert.equal(
    longRunningProcess(['/usr/sbin/apache2', '-f', '/etc/apache2/apache2.conf', '-DFOREGROUND']),
    'apache2',
  );
  assert.equal(longRunningProcess(['apachectl', '-D', 'FOREGROUND']), 'httpd');
  assert.equal(longRunningProcess(['httpd-foreground']), 'httpd');
  assert.equal(longRunningProcess(['apache2ctl', 'start']), undefined);
  assert.equal(longRunningProcess(['apache2', '-t', '-DFOREGROUND']), undefined);
  assert.equal(daemonOf(['service', 'nginx', 'start']), 'nginx');
  assert.equal(daemonOf(['gunicorn', 'a.wsgi']), undefined);
  assert.equal(daemonOf(['nginx']), 'nginx');
  // A signal to a running nginx, or a test of its config, starts no daemon.
  assert.equal(daemonOf(['nginx', '-s', 'reload']), undefined);
  assert.equal(daemonOf(['nginx', '-t']), undefined);
  assert.equal(daemonOf(['nginx', '-g', 'daemon off;']), undefined);
});

test('embedsBeat and daemonOf read celery flags in long form, short form and bundled short flags', () => {
  const worker = (...flags: string[]) => ['celery', '-A', 'src', 'worker', ...flags];
  for (const beat of [['--beat'], ['-B'], ['-lINFO', '-B'], ['-Bl', 'info'], ['-BlINFO'], ['-EB'], ['-DEB']])
    assert.equal(embedsBeat(worker(...beat)), true, beat.join(' '));
  // A B that is an option's value (-lB would be one; -cB too) or part of a long option is no -B.
  for (const none of [['-lINFO'], ['-l', 'DEBUG'], ['-cB'], ['--loglevel=DEBUG'], ['-E']])
    assert.equal(embedsBeat(worker(...none)), false, none.join(' '));
  for (const detach of [['--detach'], ['-D'], ['-DlINFO'], ['-BD'], ['-l', 'info', '-ED']])
    assert.equal(daemonOf(worker(...detach)), 'celery worker', detach.join(' '));
  assert.equal(daemonOf(['celery', '-A', 'src', 'beat', '-Dl', 'info']), 'celery beat');
  assert.equal(daemonOf(worker('-lD')), undefined);
  assert.equal(daemonOf(worker('-B')), undefined);
});

// [command, the reverse proxy it runs (undefined: none)]
const PROXIES: [string[], string | undefined][] = [
  [['nginx'], 'nginx'],
  [['/usr/sbin/nginx', '-g', 'daemon off;'], 'nginx'],
  [['nginx', '-c', '/etc/nginx/app.conf'], 'nginx'],
  [['service', 'nginx', 'start'], 'nginx'],
  [['/etc/init.d/nginx', 'restart'], 'nginx'],
  [['caddy', 'run', '--config', '/etc/caddy/Caddyfile'], 'caddy'],
  [['apache2ctl', '-D', 'FOREGROUND'], 'apache2'],
  [['httpd-foreground'], 'httpd'],
  [['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'], 'haproxy'],
  // One-shot uses: a check, a signal, a formatter, a stop.
  [['nginx', '-t'], undefined],
  [['nginx', '-s', 'reload'], undefined],
  [['service', 'nginx', 'stop'], undefined],
  [['apachectl', 'configtest'], undefined],
  [['caddy', 'fmt', '--overwrite'], undefined],
  [['haproxy', '-c', '-f', 'haproxy.cfg'], undefined],
  [['gunicorn', 'a.wsgi'], undefined],
  [['service', 'cron', 'start'], undefined],
];

for (const [argv, expected] of PROXIES)
  test(`reverseProxyOf: ${argv.join(' ')}`, () => {
    assert.equal(reverseProxyOf(argv), expected);
  });

// [script, whether nothing runs in the foreground after what it sends to the background]
const ENDS: [string, boolean][] = [
  ['python manage.py migrate && gunicorn a.wsgi &', true],
  ['gunicorn a.wsgi & celery -A a worker &', true],
  ['gunicorn a.wsgi &\nwait', false],
  ['gunicorn a.wsgi &\ntail -f /dev/null', false],
  ['gunicorn a.wsgi &\npython app.py', false],
  ['if [ "$A" ]; then gunicorn a.wsgi & else exec celery -A a worker; fi', true],
  ['while true; do gunicorn a.wsgi & done', false],
];

for (const [script, ends] of ENDS)
  test(`backgroundStart ends: ${script}`, () => {
    assert.equal(backgroundStart(parseShell(script, 1).commands)?.ends, ends);
  });
