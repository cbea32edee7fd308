import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { logsToFile } from '../../src/rules/TF1101-logs-to-file.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

appRuleCases(logsToFile, [
  [
    'file handlers in LOGGING',
    {
      logHandlers: [
        { className: 'logging.StreamHandler', line: 10 },
        { className: 'logging.handlers.RotatingFileHandler', line: 15 },
        { className: 'logging.FileHandler', line: 20 },
      ],
    },
    ['mysite/settings.py:15', 'mysite/settings.py:20'],
  ],
  [
    'gunicorn logs to - are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "--log-file=-", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'gunicorn log files',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["gunicorn", "--access-logfile", "/var/log/access.log", "--error-logfile=-", "a.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'the server output redirected to a file',
    { dockerfile: df('FROM python:3.12', 'CMD gunicorn a.wsgi >> /var/log/app.log 2>&1') },
    ['Dockerfile:2'],
  ],
  [
    'exec > file in the entrypoint script',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec > /app/log.txt 2>&1\nexec gunicorn a.wsgi\n' }],
    },
    ['docker-entrypoint.sh:2'],
  ],
  [
    'redirects of other commands and to /dev/stdout are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD python manage.py check > /tmp/check.txt && exec gunicorn a.wsgi > /dev/stdout 2>&1',
      ),
    },
    [],
  ],
]);

test('TF1101: the uwsgi ini file a start script names with --ini= logs to a file (logger = file:…); stdout is fine', async () => {
  const files = (ini: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/deploy/start.sh"]\n',
    'deploy/start.sh': '#!/bin/sh\nexec uwsgi --ini=/app/deploy/app.ini\n',
    'deploy/app.ini': ini,
  });
  const toFile = await analyzeFiles(
    files('[uwsgi]\nmodule = mysite.wsgi\nlogger = file:/var/log/app.log\n[other]\nlogto = /tmp/x.log\n'),
  );
  assert.deepEqual(findingsOf(toFile, 'TF1101'), [['deploy/app.ini', 3]]);
  const toStdout = await analyzeFiles(files('[uwsgi]\nmodule = mysite.wsgi\nlogto = /dev/stdout\n'));
  assert.deepEqual(findingsOf(toStdout, 'TF1101'), []);
});

test('TF1101 follows supervisord -c FILE to the uwsgi ini its program reads, and only that configuration', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: [
      'FROM python:3.12-slim',
      'WORKDIR /srv',
      'COPY . .',
      'COPY ops/supervisord.conf /etc/supervisord.conf',
      'CMD ["supervisord", "-n", "-c", "/etc/supervisord.conf"]',
    ].join('\n'),
    'ops/supervisord.conf':
      '[supervisord]\nnodaemon=true\n\n[program:app]\ncommand=uwsgi --ini /srv/ops/app.ini\n',
    'ops/app.ini': '[uwsgi]\nmodule = mysite.wsgi\nlogto = /var/log/app.log\n',
    // An old configuration the image also holds but supervisord is not started with.
    'old/supervisor-old.conf': '[program:old]\ncommand=uwsgi --ini /srv/old/old.ini\n',
    'old/old.ini': '[uwsgi]\nlogto = /var/log/old.log\n',
  });
  assert.deepEqual(findingsOf(result, 'TF1101'), [['ops/app.ini', 3]]);
  assert.deepEqual(
    result.project.apps[0].supervisorPrograms?.map((p) => [p.file, p.line, p.name]),
    [['ops/supervisord.conf', 5, 'app']],
  );
});

test('TF1101: a FileHandler given to a direct logging.config.dictConfig() call is named as that call, not as LOGGING', async () => {
  const settings = (logging: string) =>
    [
      'import logging.config', //1
      'import os', //2
      "SECRET_KEY = os.environ['SECRET_KEY']", //3
      'LOGGING_CONFIG = None', //4
      logging, //5
    ].join('\n');
  const files = (logging: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': settings(logging),
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  const direct = await analyzeFiles(
    files(
      "logging.config.dictConfig({'version': 1, 'handlers': {'f': {'class': 'logging.FileHandler'}}, 'root': {'handlers': ['f']}})\n",
    ),
  );
  const [call] = direct.findings.filter((f) => f.ruleId === 'TF1101');
  assert.equal(call?.line, 5);
  assert.match(
    call?.message ?? '',
    /^The logging\.config\.dictConfig\(\) call on line 5 configures logging\.FileHandler/,
  );
  const setting = await analyzeFiles(
    files(
      "LOGGING = {'version': 1, 'handlers': {'f': {'class': 'logging.FileHandler'}}, 'loggers': {'x': {'handlers': ['f']}}}\n",
    ),
  );
  assert.match(
    setting.findings.find((f) => f.ruleId === 'TF1101')?.message ?? '',
    /^LOGGING uses logging\.FileHandler/,
  );
});

test('TF1101: a template placeholder (`<DJANGO_APP_NAME>.wsgi`) is no redirection; a real one beside it still is', async () => {
  const files = (command: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'compose.yaml': `services:\n  web:\n    build: .\n    command: ${command}\n`,
  });
  const messages = async (command: string) =>
    (await analyzeFiles(files(command))).findings.filter((f) => f.ruleId === 'TF1101').map((f) => f.message);
  assert.deepEqual(
    await messages('bash -c "gunicorn <DJANGO_APP_NAME>.wsgi:application --bind 0.0.0.0:8000"'),
    [],
  );
  assert.deepEqual(
    await messages('bash -c "exec gunicorn <project_name>.wsgi:application --bind 0.0.0.0:8000"'),
    [],
  );
  const [redirected] = await messages(
    'bash -c "exec gunicorn <APP>.wsgi:application --bind 0.0.0.0:8000 >> /var/log/app.log 2>&1"',
  );
  assert.match(redirected ?? '', /redirects its output to \/var\/log\/app\.log \(>>\)/);
  assert.doesNotMatch(redirected ?? '', /\.wsgi:application/);
  // `<in>out` with a lower-case name and no module path after it is sh's two redirections.
  const [real] = await messages('sh -c "exec gunicorn mysite.wsgi <in>out"');
  assert.match(real ?? '', /redirects its output to out \(>\)/);
});

test('TF1101: a FileHandler no logger names writes no log: the message says it only creates its file', async () => {
  const files = (loggers: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': [
      'import os',
      "SECRET_KEY = os.environ['SECRET_KEY']",
      'LOGGING = {',
      "    'version': 1,",
      "    'handlers': {",
      "        'console': {'class': 'logging.StreamHandler'},",
      "        'sql': {'class': 'logging.FileHandler', 'filename': 'sql.log'},",
      "        'buffer': {'class': 'logging.handlers.MemoryHandler', 'capacity': 10, 'target': 'audit'},",
      "        'audit': {'class': 'logging.FileHandler', 'filename': 'audit.log'},",
      '    },',
      `    'loggers': ${loggers},`,
      '}',
      '',
    ].join('\n'),
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  const messages = async (loggers: string) =>
    (await analyzeFiles(files(loggers))).findings.filter((f) => f.ruleId === 'TF1101').map((f) => f.message);
  // 'audit' is reached through the MemoryHandler's target; 'buffer' is no file handler.
  const unused = await messages(
    "{'django.db.backends': {'handlers': ['console'] if os.environ.get('SQL') else []}}",
  );
  assert.deepEqual(unused, [
    "LOGGING configures logging.FileHandler as handler 'sql', but no logger sends records to it (neither root nor any logger names it), so it writes no log: dictConfig still builds it when the settings load, which creates an empty log file inside the container. Remove the handler, or make it a logging.StreamHandler if a logger should use it.",
    'LOGGING uses logging.FileHandler, which writes logs to a file inside the container. Use logging.StreamHandler so logs go to stdout/stderr.',
  ]);
  // A logger under a name the analysis cannot read still names 'sql' in the text: not called unused.
  const named = await messages("{os.environ.get('APP', 'app'): {'handlers': ['sql']}}");
  assert.ok(named.every((m) => m.startsWith('LOGGING uses')));
});

test('TF1101: a supervisord program of the app whose output goes to a file; /dev/stdout, /proc/1/fd/1 and NONE are fine', async () => {
  const files = (section: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY . .',
      'COPY app.conf /etc/supervisor/conf.d/app.conf',
      'CMD ["supervisord", "-n", "-c", "/etc/supervisor/conf.d/app.conf"]',
      '',
    ].join('\n'),
    'app.conf': `[program:web]\ncommand=gunicorn mysite.wsgi\n${section}\n[program:tail]\ncommand=tail -F /tmp/x\nstdout_logfile=/var/log/tail.log\n`,
  });
  const lines = async (section: string) =>
    (await analyzeFiles(files(section))).findings.filter((f) => f.ruleId === 'TF1101').map((f) => f.line);
  assert.deepEqual(await lines('stdout_logfile=/var/log/web.log\nstderr_logfile=/var/log/web.err'), [3, 4]);
  assert.deepEqual(
    await lines('stdout_logfile=/var/log/web.log\nredirect_stderr=true\nstderr_logfile=/x'),
    [3],
  );
  assert.deepEqual(
    await lines('stdout_logfile=/dev/stdout\nstdout_logfile_maxbytes=0\nredirect_stderr=true'),
    [],
  );
  assert.deepEqual(
    await lines('stdout_logfile=/proc/1/fd/1\nstderr_logfile=/dev/fd/2\nstdout_logfile_maxbytes=0'),
    [],
  );
  assert.deepEqual(await lines('stdout_logfile=NONE'), []);
});
