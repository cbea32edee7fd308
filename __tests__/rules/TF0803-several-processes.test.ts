import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repositoryBaseFiles } from '../support/repository-base.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const app = (files: Record<string, string>) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  ...files,
});
const withScript = (script: string) =>
  app({
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["sh", "/app/start.sh"]\n',
    'start.sh': script,
  });

test('TF0803 fires on a server started in the background beside a sleep loop', async () => {
  const result = await analyzeFiles(
    withScript('#!/bin/sh\ngunicorn -b 0.0.0.0:8000 mysite.wsgi &\nwhile true; do sleep 60; done\n'),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [['start.sh', 2]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0803')!.message, /gunicorn/);
});

test('TF0803: a server sent to the background with nothing after it: the container exits at once, in a script, a shell-form CMD and a compose command', async () => {
  const exits =
    /and gunicorn is killed with it\. Remove the '&' and start gunicorn in the foreground with exec \('exec gunicorn -b 0\.0\.0\.0:8000 mysite\.wsgi'\), as the container's main process\.$/;
  const starts = [
    withScript('#!/bin/sh\npython manage.py check && gunicorn -b 0.0.0.0:8000 mysite.wsgi &\n'),
    app({
      Dockerfile:
        'FROM python:3.12-slim\nCMD python manage.py check && gunicorn -b 0.0.0.0:8000 mysite.wsgi &\n',
    }),
    app({
      Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'compose.yaml':
        'services:\n  web:\n    build: .\n    command: sh -c "python manage.py check && gunicorn -b 0.0.0.0:8000 mysite.wsgi &"\n',
    }),
  ];
  for (const files of starts) {
    const messages = (await analyzeFiles(files)).findings
      .filter((f) => f.ruleId === 'TF0803')
      .map((f) => f.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /exits at once: the container stops/);
    assert.match(messages[0], exits);
    assert.doesNotMatch(messages[0], /beside the container's main process/);
  }
});

test('TF0803 is silent on one foreground process, and on a backgrounded one-shot', async () => {
  const result = await analyzeFiles(
    withScript(
      '#!/bin/sh\npython manage.py collectstatic --noinput &\nwait\nexec gunicorn -b 0.0.0.0:8000 mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), []);
});

test('TF0803: a celery worker and beat beside the server, in a compose command', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    command: >',
        '      sh -c "celery -A mysite worker & celery -A mysite beat & gunicorn -b 0.0.0.0:8000 mysite.wsgi"',
        '',
      ].join('\n'),
    }),
  );
  const found = findingsOf(result, 'TF0803');
  assert.ok(found.length >= 1 && found.every(([file]) => file === 'compose.yaml'), JSON.stringify(found));
  const messages = result.findings
    .filter((f) => f.ruleId === 'TF0803')
    .map((f) => f.message)
    .join('\n');
  assert.match(messages, /celery worker/);
});

test('TF0803: a daemon started with `service nginx start` before the server in the foreground', async () => {
  const script =
    '#!/bin/bash\nservice nginx start\npython manage.py migrate\ngunicorn mysite.wsgi --bind unix:/app/app.sock\n';
  const result = await analyzeFiles({
    ...withScript(script),
    Dockerfile:
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y nginx\nWORKDIR /app\nCOPY . .\nCMD ["sh", "/app/start.sh"]\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0803'), [['start.sh', 2]]);
  assert.match(
    result.findings.find((f) => f.ruleId === 'TF0803')!.message,
    /nginx as a daemon \(service nginx start\)/,
  );
  // On the bare python image, which installs nothing, there is no nginx service: the line fails, nothing runs beside.
  assert.deepEqual(findingsOf(await analyzeFiles(withScript(script)), 'TF0803'), []);
});

test('TF0803 is silent on a daemon that is the only process, and on nginx told `daemon off;`', async () => {
  for (const script of [
    '#!/bin/sh\nservice nginx start\ntail -f /var/log/nginx/access.log\n',
    "#!/bin/sh\nnginx -t\nexec nginx -g 'daemon off;'\n",
  ]) {
    const result = await analyzeFiles(withScript(script));
    assert.deepEqual(findingsOf(result, 'TF0803'), [], script);
  }
});

test('TF0803: celery worker --detach, celery beat -D and gunicorn --daemon before the foreground server', async () => {
  const result = await analyzeFiles(
    withScript(
      [
        '#!/bin/sh',
        'celery -A mysite worker --loglevel=info --detach',
        'celery -A mysite beat -D',
        'gunicorn --daemon -b 127.0.0.1:9000 mysite.wsgi',
        'exec gunicorn -b 0.0.0.0:8000 mysite.wsgi',
        '',
      ].join('\n'),
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [
    ['start.sh', 2],
    ['start.sh', 3],
    ['start.sh', 4],
  ]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0803')!.message, /celery worker as a daemon/);
});

test('TF0803 is silent on a detached worker when nothing stays in the foreground beside it', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["celery", "-A", "mysite", "worker", "--detach"]\n',
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), []);
});

const SUPERVISOR_CONF = [
  '[supervisord]',
  'nodaemon=true',
  '',
  '[program:web]',
  'command=python manage.py runserver 0.0.0.0:8000',
  '',
  '[program:worker]',
  'command=celery -A mysite worker -l info',
  '',
].join('\n');

test('TF0803: supervisord as the main process names what each program runs; TF0801 finds runserver in its program', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY deploy/app.conf /etc/supervisor/conf.d/app.conf\nCMD ["supervisord", "-c", "/etc/supervisor/conf.d/app.conf"]\n',
      'deploy/app.conf': SUPERVISOR_CONF,
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [['Dockerfile', 5]]);
  const message = result.findings.find((f) => f.ruleId === 'TF0803')!.message;
  assert.match(
    message,
    /main process, a process manager that runs the programs of deploy\/app\.conf: web \(runserver\), worker \(celery worker\) side by side/,
  );
  assert.deepEqual(findingsOf(result, 'TF0801'), [['deploy/app.conf', 5]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0801')!.message, /as supervisord program web\./);
});

test('TF0803: a supervisord program that runs a start script is named by the server the script starts', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY deploy/app.conf /etc/supervisor/conf.d/app.conf\nCMD ["supervisord", "-c", "/etc/supervisor/conf.d/app.conf"]\n',
      'deploy/app.conf': '[supervisord]\nnodaemon=true\n\n[program:web]\ncommand=bash /app/start_web.sh\n',
      'start_web.sh': '#!/bin/bash\ncd /app\nexec gunicorn mysite.wsgi --bind 0.0.0.0:8000\n',
    }),
  );
  assert.match(
    result.findings.find((f) => f.ruleId === 'TF0803')!.message,
    /runs the program web \(gunicorn\) of deploy\/app\.conf in one container/,
  );
});

test('TF0803: supervisord sent to the background is not called the main process', async () => {
  const result = await analyzeFiles({
    ...withScript(
      '#!/bin/sh\nsupervisord -c /etc/supervisor/conf.d/app.conf &\nexec gunicorn mysite.wsgi --bind 0.0.0.0:8000\n',
    ),
    'deploy/app.conf': SUPERVISOR_CONF.replace(
      'python manage.py runserver 0.0.0.0:8000',
      'celery -A mysite beat',
    ),
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY deploy/app.conf /etc/supervisor/conf.d/app.conf\nCMD ["sh", "/app/start.sh"]\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0803'), [['start.sh', 2]]);
  const message = result.findings.find((f) => f.ruleId === 'TF0803')!.message;
  assert.match(
    message,
    /supervisord in the background with '&', to run the programs of deploy\/app\.conf: web \(celery beat\), worker \(celery worker\), beside the container's main process, gunicorn/,
  );
  assert.doesNotMatch(message, /as the container's main process/);
});

test('TF0803 names what holds the shell: wait, a keep-alive, the foreground process', async () => {
  const messageOf = async (script: string) =>
    (await analyzeFiles(withScript(script))).findings
      .filter((f) => f.ruleId === 'TF0803')
      .map((f) => [f.line, f.message]);
  const waited = await messageOf(
    '#!/bin/sh\ngunicorn mysite.wsgi --bind 0.0.0.0:8000 & celery -A mysite worker &\nwait\n',
  );
  assert.equal(waited.length, 1, JSON.stringify(waited));
  assert.match(
    String(waited[0][1]),
    /This starts gunicorn and celery worker in the background with '&', while the container's main process is the shell, which only waits \(wait\): nothing restarts them/,
  );
  const [kept] = await messageOf('#!/bin/sh\npython manage.py runserver 0.0.0.0:8000 &\ntail -f /dev/null\n');
  assert.match(
    String(kept[1]),
    /runserver in the background with '&', while the container's main process is 'tail -f \/dev\/null', which serves nothing.*it cannot be scaled/,
  );
  const [beside] = await messageOf('#!/bin/sh\ngunicorn mysite.wsgi &\ncelery -A mysite worker\n');
  assert.match(String(beside[1]), /beside the container's main process, celery worker:/);
});

test('TF0803: cron, which detaches unless -f, started before the foreground server', async () => {
  const result = await analyzeFiles(
    withScript('#!/bin/sh\ncron\nexec gunicorn mysite.wsgi --bind 0.0.0.0:8000\n'),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [['start.sh', 2]]);
  assert.match(
    result.findings.find((f) => f.ruleId === 'TF0803')!.message,
    /cron as a daemon \(cron\), beside the container's main process, gunicorn/,
  );
});

test('TF0803: a celery worker started with -B embeds beat; the message says so and names a beat service beside it', async () => {
  const compose = (worker: string, beat: boolean) =>
    app({
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    ports: ["8000:8000"]',
        '  worker:',
        '    build: .',
        `    command: ${worker}`,
        ...(beat ? ['  beat:', '    build: .', '    command: celery -A mysite beat -l info'] : []),
        '',
      ].join('\n'),
    });
  const alone = await analyzeFiles(compose('celery -A mysite worker -l info -B', false));
  assert.deepEqual(findingsOf(alone, 'TF0803'), [['compose.yaml', 7]]);
  const message = alone.findings.find((f) => f.ruleId === 'TF0803')!.message;
  assert.match(message, /worker with -B, which embeds the beat scheduler in the worker/);
  assert.match(message, /advises against -B in production/);
  assert.match(message, /run beat as its own service from the same image \('celery -A mysite beat'\)/);

  const twice = await analyzeFiles(compose('celery -A mysite worker --beat --loglevel=info', true));
  assert.deepEqual(findingsOf(twice, 'TF0803'), [['compose.yaml', 7]]);
  assert.match(
    twice.findings.find((f) => f.ruleId === 'TF0803')!.message,
    /worker with --beat.*Service 'beat' runs celery beat as well, so there are two schedulers/,
  );

  // -l DEBUG and -lDEBUG hold a B that is no -B; a worker without beat is one process.
  for (const worker of ['celery -A mysite worker -lDEBUG', 'celery -A mysite worker -l DEBUG -E'])
    assert.deepEqual(findingsOf(await analyzeFiles(compose(worker, true)), 'TF0803'), []);
  assert.deepEqual(findingsOf(await analyzeFiles(compose('celery -A mysite worker -BE', false)), 'TF0803'), [
    ['compose.yaml', 7],
  ]);
});

test('TF0803: a worker with --beat under `entrypoint: ""`, and in a compose file of services only, embeds beat', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    ports: ["8000:8000"]',
        '  celery:',
        '    build: .',
        '    entrypoint: ""',
        '    command: celery -A mysite worker --beat -l info',
        '',
      ].join('\n'),
      'prod.yml': [
        'services:',
        '  celery:',
        '    image: me/site:1.2.0',
        '    entrypoint: ""',
        '    command: celery -A mysite worker -lINFO -B',
        '',
      ].join('\n'),
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [
    ['compose.yaml', 8],
    ['prod.yml', 5],
  ]);
});

const several = async (files: Record<string, string>) =>
  (await analyzeFiles(app(files))).findings.filter((f) => f.ruleId === 'TF0803');

test('TF0803: an [fcgi-program:x] is one of supervisord programs, named with its numprocs', async () => {
  const [found, ...more] = await several({
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /opt/app\nCOPY . .\nCMD ["supervisord", "-c", "/opt/app/supervisor.conf"]\n',
    'supervisor.conf': [
      '[fcgi-program:web]',
      'socket=tcp://0.0.0.0:8001',
      'command=daphne -u /tmp/daphne%(process_num)d.sock --fd 0 mysite.asgi:application',
      'numprocs=2',
      '[program:beat]',
      'command=celery -A mysite beat',
      '',
    ].join('\n'),
  });
  assert.equal(more.length, 0);
  assert.match(
    found.message,
    /the programs of supervisor\.conf: web \(daphne, 2 processes\), beat \(celery beat\)/,
  );
});

test('TF0803: the configuration compose bind-mounts where supervisord reads it names the real programs', async () => {
  const [found] = await several({
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /src\nCOPY ./src /src\nEXPOSE 8000\n',
    'docker-compose.yml': [
      'services:',
      '  backend:',
      '    build: .',
      '    entrypoint: /src/docker-entrypoint.sh',
      '    volumes:',
      '      - ./supervisord.conf:/etc/supervisor/conf.d/supervisord.conf',
      '',
    ].join('\n'),
    'src/docker-entrypoint.sh': '#!/bin/bash\nexec supervisord -c /etc/supervisor/conf.d/supervisord.conf\n',
    'supervisord.conf':
      '[program:django]\ncommand=gunicorn mysite.wsgi -b 0.0.0.0:8000\n[program:rq]\ncommand=python manage.py rqworker default\n',
  });
  assert.ok(found);
  assert.match(found.message, /the programs of supervisord\.conf: django \(gunicorn\), rq/);
  assert.doesNotMatch(found.message, /e\.g\. nginx and uwsgi/);
});

test('TF0803: uwsgi ini smart-attach-daemon lines running celery beside the server', async () => {
  const [found, ...more] = await several({
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /opt/app\nCOPY . .\nCMD ["uwsgi", "/opt/app/uwsgi.ini"]\n',
    'uwsgi.ini': [
      '[uwsgi]',
      'http-socket = 0.0.0.0:8000',
      'module = mysite.wsgi',
      'smart-attach-daemon = /tmp/beat.pid celery -A mysite beat --pidfile=/tmp/beat.pid',
      'attach-daemon = celery -A mysite worker',
      '',
    ].join('\n'),
  });
  assert.equal(more.length, 0);
  assert.equal(found.line, 4);
  assert.match(
    found.message,
    /smart-attach-daemon and attach-daemon lines run celery beat and celery worker/,
  );
  assert.match(found.message, /uwsgi\.ini:4, uwsgi\.ini:5/);
  assert.match(found.message, /'celery -A mysite beat' and 'celery -A mysite worker'/);
});

test('TF0803: a worker sent to the background in a branch taken when the container is given a variable', async () => {
  const found = (await analyzeFiles(repositoryBaseFiles())).findings.filter((f) => f.ruleId === 'TF0803');
  assert.deepEqual(found.map((f) => `${f.file}:${f.line}`).sort(), ['start.sh:5', 'start.sh:7']);
  const worker = found.find((f) => f.line === 7)!;
  assert.match(
    worker.message,
    /^When the container is started with QUEUE_APP set \(neither the image nor a compose file sets it\), this starts celery worker in the background with '&', beside the container's main process, gunicorn/,
  );
});

// uwsgi whose ini daemonizes, then nginx kept in the foreground by `daemon off;` the Dockerfile writes into nginx.conf.
test('TF0803: uwsgi daemonized by its ini is the daemon beside nginx in the foreground, not nginx', async () => {
  const files = app({
    Dockerfile: [
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y nginx && echo "daemon off;" >> /etc/nginx/nginx.conf',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["bash", "/app/start.sh"]',
      '',
    ].join('\n'),
    'start.sh': '#!/bin/bash\nuwsgi --ini uwsgi.ini\nnginx\n',
    'uwsgi.ini': '[uwsgi]\nmodule = mysite.wsgi\nsocket = /tmp/app.sock\ndaemonize = /tmp/uwsgi.log\n',
  });
  const found = (await analyzeFiles(files)).findings;
  const several = found.filter((f) => f.ruleId === 'TF0803');
  assert.deepEqual(
    several.map((f) => f.line),
    [2],
  );
  assert.match(
    several[0].message,
    /^This starts uwsgi as a daemon \(uwsgi --ini uwsgi\.ini, which detaches because uwsgi\.ini:4 sets daemonize\), beside the container's main process, nginx:/,
  );
  assert.match(several[0].message, /without daemonize in its ini \(uwsgi\.ini:4\)/);
  assert.doesNotMatch(several[0].message, /starts nginx as a daemon/);
  const shell = found.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    shell.map((f) => [f.file, f.line]),
    [['start.sh', 3]],
  );
  assert.match(shell[0].message, /starts nginx without exec/);
  assert.doesNotMatch(shell[0].message, /exec uwsgi/);
  // Without daemon off; nginx is the daemon and uwsgi the foreground server, as before.
  const plain = await analyzeFiles({
    ...files,
    Dockerfile: (files as Record<string, string>).Dockerfile.replace(
      ' && echo "daemon off;" >> /etc/nginx/nginx.conf',
      '',
    ),
    'uwsgi.ini': '[uwsgi]\nmodule = mysite.wsgi\nsocket = /tmp/app.sock\n',
  });
  assert.deepEqual(
    plain.findings.filter((f) => f.ruleId === 'TF0803').map((f) => f.line),
    [3],
  );
});

// `CMD ["sleep", "infinity"]`: a keep-alive as PID 1, the catalog's sleep loop case; not where a server runs too.
test('TF0803: a keep-alive as the main process with no process of the app beside it', async () => {
  const idle = await analyzeFiles(
    app({ Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["sleep", "infinity"]\n' }),
  );
  const found = idle.findings.filter((f) => f.ruleId === 'TF0803');
  assert.deepEqual(
    found.map((f) => f.line),
    [4],
  );
  assert.match(found[0].message, /^This makes sleep infinity the container's main process \(PID 1\)/);
  const served = await analyzeFiles(
    withScript(
      '#!/bin/sh\nif [ "$WEB" ]; then\n  exec gunicorn mysite.wsgi\nelse\n  exec sleep infinity\nfi\n',
    ),
  );
  assert.deepEqual(
    served.findings.filter((f) => f.ruleId === 'TF0803'),
    [],
  );
});

test('TF0803 names an entrypoint\'s `exec "$@"` with no CMD as the container command, not as a program called $@', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n',
      'entrypoint.sh': '#!/bin/sh\ncelery -A mysite worker &\nsleep 1\nexec "$@"\n',
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [['entrypoint.sh', 2]]);
  assert.match(
    result.findings.find((f) => f.ruleId === 'TF0803')!.message,
    /beside the container's main process, the container command \("\$@"\)/,
  );
});

test("TF0803: a backing service started beside the server runs from its official image, not from the app's", async () => {
  const result = await analyzeFiles(
    withScript('#!/bin/sh\nredis-server &\nexec gunicorn -b 0.0.0.0:8000 mysite.wsgi\n'),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [['start.sh', 2]]);
  const message = result.findings.find((f) => f.ruleId === 'TF0803')!.message;
  assert.match(
    message,
    /Run Redis as its own container \(its own compose service\) from its official image, redis,/,
  );
  assert.doesNotMatch(message, /same image/);
});
