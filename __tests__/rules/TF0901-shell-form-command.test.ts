import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Overlay } from '../../src/discover/index.js';
import { readText } from '../../src/fix/files.js';
import { runFixes } from '../../src/fix/run.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { shellFormCommand } from '../../src/rules/TF0901-shell-form-command.js';
import { analyzeFiles } from '../support/analyze.js';
import { appRuleCases, df, ENTRY, ROLES, ROLES_IMAGE } from '../support/rule-cases.js';

/** The files TF0901's fixer would change in a tree holding `files`. */
async function filesFixed(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'tfr-tf0901-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const ports = {
      analyze: (overlay: Overlay) => analyzeStatic(root, DEFAULT_CONFIG, {}, overlay),
      read: (file: string) => readText(root, file),
      debug: () => {},
    };
    const result = await runFixes(ports, { rules: [shellFormCommand] });
    return [...result.changes.keys(), ...result.suggestions.flatMap((f) => f.edits.map((e) => e.file))];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

appRuleCases(shellFormCommand, [
  [
    'shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD gunicorn -b 0.0.0.0:8000 a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'exec form is fine',
    { dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  [
    'shell-form CMD that execs its command: dash replaces itself with it',
    { dockerfile: df('FROM python:3.7-slim-buster', 'CMD exec /app/start.sh') },
    [],
  ],
  [
    'shell-form CMD list whose last command is written with exec',
    { dockerfile: df('FROM python:3.9-buster', 'CMD cd /app && exec gunicorn a.wsgi') },
    [],
  ],
  [
    'shell-form CMD whose exec is not the last command keeps the shell',
    { dockerfile: df('FROM python:3.9-buster', 'CMD exec gunicorn a.wsgi || echo failed') },
    ['Dockerfile:2'],
  ],
  [
    'shell-form CMD that execs the server after a worker in the background: exec replaces the shell (TF0803 names the worker)',
    { dockerfile: df('FROM python:3.9-buster', 'CMD celery -A a worker & exec gunicorn a.wsgi') },
    [],
  ],
  [
    'shell-form ENTRYPOINT is reported, not the ignored CMD',
    { dockerfile: df('FROM python:3.12', 'ENTRYPOINT /start.sh', 'CMD gunicorn a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'exec-form sh -c without exec',
    { dockerfile: df('FROM python:3.12', 'CMD ["sh", "-c", "python manage.py migrate && gunicorn a.wsgi"]') },
    ['Dockerfile:2'],
  ],
  [
    'bash -c chain on bash >= 5.1 (bookworm): bash execs the last simple command',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["bash", "-c", "python manage.py migrate && gunicorn a.wsgi"]'),
    },
    [],
  ],
  [
    'bash -c and-list on buster (bash 5.0): bash execs the last command after && (optimize_fork, bash >= 4.4)',
    {
      dockerfile: df(
        'FROM python:3.9-buster',
        'CMD ["bash", "-c", "python manage.py migrate && gunicorn a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'bash -c ; list on buster (bash 5.0.3) forks the last command (the ; case came with 5.0 patch 5)',
    {
      dockerfile: df(
        'FROM python:3.9-buster',
        'CMD ["bash", "-c", "python manage.py migrate; gunicorn a.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'bash -c and-list on jessie (bash 4.3) forks the last command',
    {
      dockerfile: df(
        'FROM python:3.6-jessie',
        'CMD ["bash", "-c", "python manage.py migrate && gunicorn a.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'bash -c chain whose last command has a redirection keeps the shell',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["bash", "-c", "python manage.py migrate && gunicorn a.wsgi > /tmp/log"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'bash -c list with a wait loop and redirections before the server (bullseye): bash execs the server',
    {
      dockerfile: df(
        'FROM python:3.10.5-slim',
        'CMD ["bash", "-c", "while ! </dev/tcp/db/5432; do sleep 1; done; python manage.py migrate 2>&1; gunicorn a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'bash -c list over several lines: bash execs the last command',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["bash", "-c", "python manage.py migrate &&\\n gunicorn a.wsgi\\n"]',
      ),
    },
    [],
  ],
  [
    'bash -c "a; b && server": bash reads a ; list whose right-hand is b && server, and forks the server (bash 5.2)',
    {
      dockerfile: df(
        'FROM python:latest',
        'CMD ["bash", "-c", "set -e; python manage.py migrate && gunicorn a.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'bash -c list followed by a blank line: bash reads one more command and forks the server',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["bash", "-c", "python manage.py migrate && gunicorn a.wsgi\\n\\n"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'bash -c chain on python:latest (Debian, bash 5.2): bash execs the server',
    {
      dockerfile: df(
        'FROM python:latest',
        'CMD ["bash", "-c", "python manage.py migrate && python manage.py runserver"]',
      ),
    },
    [],
  ],
  [
    'bash -c list ending in a subshell keeps the shell',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["bash", "-c", "python manage.py migrate && (gunicorn a.wsgi)"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'bash -c list piping into its last command keeps the shell',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["bash", "-c", "python manage.py migrate && gunicorn a.wsgi | tee log"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'bash -c list with a helper in the background keeps the shell',
    { dockerfile: df('FROM python:3.12', 'CMD ["bash", "-c", "tail -f /tmp/log & gunicorn a.wsgi"]') },
    ['Dockerfile:2'],
  ],
  [
    'sh -c chain on Alpine (BusyBox ash execs the last command)',
    {
      dockerfile: df(
        'FROM python:3.12-alpine',
        'CMD ["sh", "-c", "python manage.py migrate && gunicorn a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'sh -c with a worker in the background then the server, on Alpine (BusyBox execs the last command even so)',
    {
      dockerfile: df('FROM python:3.12-alpine', 'CMD ["sh", "-c", "celery -A a worker & gunicorn a.wsgi"]'),
    },
    [],
  ],
  [
    'bash -c with a worker in the background then the server, on Alpine (bash keeps the shell)',
    {
      dockerfile: df('FROM python:3.12-alpine', 'CMD ["bash", "-c", "celery -A a worker & gunicorn a.wsgi"]'),
    },
    ['Dockerfile:2'],
  ],
  [
    'shell-form CMD with the server in the background on Alpine: SIGTERM never reaches it',
    { dockerfile: df('FROM python:3.12-alpine', 'CMD gunicorn a.wsgi & celery -A a worker') },
    ['Dockerfile:2'],
  ],
  [
    'sh -c of a one-off migrate: nothing long-running to signal',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: {
        command: 'sh -c "python manage.py migrate --noinput && python manage.py collectstatic --noinput"',
      },
    },
    [],
  ],
  [
    'shell-form CMD of a one-off migrate',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate --noinput') },
    [],
  ],
  [
    'sh -c case whose argument selects the branch that execs',
    {
      dockerfile: df(
        'FROM python:3.12',
        `CMD ["sh", "-c", "case \\"$1\\" in web) exec gunicorn a.wsgi;; dev) python manage.py runserver;; esac", "sh", "web"]`,
      ),
    },
    [],
  ],
  [
    'sh -c case without a known argument: each branch on its own',
    {
      dockerfile: df(
        'FROM python:3.12',
        `CMD ["sh", "-c", "case \\"$ROLE\\" in web) gunicorn a.wsgi;; worker) exec celery -A a worker;; esac"]`,
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'shell-form CMD chain on Alpine',
    { dockerfile: df('FROM python:3.12-alpine', 'CMD python manage.py migrate && gunicorn a.wsgi') },
    [],
  ],
  [
    'shell-form CMD chain on Debian (dash forks)',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate && gunicorn a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'exec-form sh -c ending in exec is fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["sh", "-c", "python manage.py migrate && exec gunicorn a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'compose sh -c without exec',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: { command: 'sh -c "python manage.py migrate && gunicorn a.wsgi"' },
    },
    ['compose.yaml:5'],
  ],
  [
    'entrypoint script starting the server without exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        { ...ENTRY, text: '#!/bin/sh\npython manage.py migrate\ngunicorn a.wsgi --bind 0.0.0.0:8000\n' },
      ],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'entrypoint script running "$@" without exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\n"$@"\n' }],
    },
    ['docker-entrypoint.sh:2'],
  ],
  [
    'entrypoint script with exec "$@" is fine',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nset -e\npython manage.py migrate\nexec "$@"\n' }],
    },
    [],
  ],
  [
    'a helper script run before the server starts is not the server (wait-for-it.sh db:5432 -- echo up)',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        {
          ...ENTRY,
          text: '#!/bin/sh\n./wait-for-it.sh db:5432 -- echo up\npython manage.py migrate\nexec gunicorn a.wsgi\n',
        },
        {
          file: 'wait-for-it.sh',
          imagePath: '/usr/local/bin/wait-for-it.sh',
          text: '#!/bin/sh\nexec "$@"\n',
        },
      ],
    },
    [],
  ],
  [
    'a script run last, holding the server, still needs exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        { ...ENTRY, text: '#!/bin/sh\npython manage.py migrate\n./start.sh\n' },
        { file: 'start.sh', imagePath: '/usr/local/bin/start.sh', text: '#!/bin/sh\nexec gunicorn a.wsgi\n' },
      ],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'a shell-form CMD of a builder stage is not judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS b',
        'CMD echo hi',
        'FROM python:3.12',
        'CMD ["gunicorn", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'a case item the start never takes is not judged',
    { dockerfile: ROLES_IMAGE('["web"]'), scripts: [ROLES] },
    [],
  ],
  [
    'the case item the start takes is',
    { dockerfile: ROLES_IMAGE('["web"]'), scripts: [ROLES], service: { command: 'dev' } },
    ['docker-entrypoint.sh:4'],
  ],
]);

test('TF0901 on a keep-alive loop says so and proposes no exec of the loop body', async () => {
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD while true; do sleep 1; done\n',
    'compose.yaml':
      'services:\n  web:\n    build: .\n    command: /bin/sh -c "while sleep 1000; do :; done"\n',
  };
  const result = await analyzeFiles(files);
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [
      ['compose.yaml', 4],
      ['Dockerfile', 4],
    ],
  );
  for (const f of found) {
    assert.match(f.message, /keep-alive loop/);
    // exec form of a keep-alive is no fix: TF0803 reports a keep-alive as the main process
    assert.doesNotMatch(f.message, /sleep", "infinity"/);
    assert.match(f.message, /TF0803/);
    assert.doesNotMatch(f.message, /exec :|exec sleep 1'/);
  }
  assert.ok(!(await filesFixed(files)).includes('compose.yaml'));
});

test('TF0901 on a folded command whose line breaks cut the server from its options names the real shape', async () => {
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'compose.yaml': [
      'services:',
      '  web:',
      '    build: .',
      '    command: >',
      '      sh -c "python manage.py migrate &&',
      '        gunicorn mysite.wsgi:application',
      '        --bind 0.0.0.0:8000',
      '        --error-logfile -"',
      '',
    ].join('\n'),
  };
  const result = await analyzeFiles(files);
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.match(found[0].message, /line breaks cut gunicorn's options off/);
  assert.match(
    found[0].message,
    /exec gunicorn mysite\.wsgi:application --bind 0\.0\.0\.0:8000 --error-logfile -/,
  );
  assert.doesNotMatch(found[0].message, /exec --error-logfile/);
  assert.ok(!(await filesFixed(files)).includes('compose.yaml'));
});

test('TF0901: a start script that ends in supervisord -n without exec keeps the shell as PID 1', async () => {
  const files = (last: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n',
    'start.sh': `#!/bin/bash\npython manage.py collectstatic --no-input\n${last}\n`,
  });
  const lines = async (last: string) =>
    (await analyzeFiles(files(last))).findings
      .filter((f) => f.ruleId === 'TF0901')
      .map((f) => [f.file, f.line, /supervisord without exec/.test(f.message)]);
  assert.deepEqual(await lines('supervisord -n'), [['start.sh', 3, true]]);
  assert.deepEqual(await lines('exec supervisord -n'), []);
  // Without -n (or a -c configuration) supervisord daemonises and the script ends: no server kept as a child.
  assert.deepEqual(await lines('supervisord'), []);
});

test('TF0901: a server and then a worker in one shell command run in sequence; exec celery is never proposed', async () => {
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  };
  const files = {
    ...base,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD python manage.py migrate && gunicorn mysite.wsgi --bind 0.0.0.0:$PORT && celery -A mysite worker\n',
    'compose.yaml':
      'services:\n  web:\n    build: .\n    command: sh -c "gunicorn mysite.wsgi --workers ${WORKERS}; celery -A mysite worker"\n',
  };
  const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [
      ['compose.yaml', 4],
      ['Dockerfile', 4],
    ],
  );
  for (const f of found) {
    assert.match(
      f.message,
      /gunicorn in the foreground, then celery worker, which starts only once gunicorn has exited/,
    );
    assert.match(f.message, /run 'celery -A mysite worker' as its own container/);
    assert.doesNotMatch(f.message, /exec celery/);
  }
  // The compose variable is quoted as written; the CMD keeps a shell for $PORT and the migrate before the server.
  assert.match(found[0].message, /'exec gunicorn mysite\.wsgi --workers \$\{WORKERS\}'/);
  assert.match(
    found[1].message,
    /CMD \["sh", "-c", "python manage\.py migrate && exec gunicorn mysite\.wsgi --bind 0\.0\.0\.0:\$PORT"\]/,
  );
  assert.deepEqual(await filesFixed(files), []);

  // The same in an entrypoint script: one finding, at the server, and no `exec gunicorn` that would drop the worker
  // without saying so.
  const script = (
    await analyzeFiles({
      ...base,
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n',
      'start.sh': '#!/bin/sh\npython manage.py migrate\ngunicorn mysite.wsgi\ncelery -A mysite worker\n',
    })
  ).findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    script.map((f) => [f.file, f.line]),
    [['start.sh', 3]],
  );
  assert.match(script[0].message, /start\.sh runs several long-running processes in sequence/);
});

test('TF0901: a case script that runs a server or a worker is no sequence', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["sh", "-c", "case \\"$ROLE\\" in web) exec gunicorn a.wsgi;; *) exec celery -A a worker;; esac"]\n',
  });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0901').map((f) => f.message),
    [],
  );
});

test('TF0901: servers in functions called from case arms are alternatives, each reported for its own exec', async () => {
  const script = [
    '#!/bin/sh',
    'run_development() {',
    '    python manage.py migrate',
    '    python manage.py runserver 0.0.0.0:8000',
    '}',
    'run_production() {',
    '    gunicorn --bind 0.0.0.0:8000 mysite.wsgi',
    '}',
    'case "${DJANGO_SETTINGS_MODULE}" in',
    '    mysite.settings_dev) run_development ;;',
    '    *) run_production ;;',
    'esac',
    '',
  ].join('\n');
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n',
    'compose.yaml':
      'services:\n  web:\n    build: .\n    environment:\n      DJANGO_SETTINGS_MODULE: ${DJANGO_SETTINGS_MODULE}\n',
    'start.sh': script,
  };
  const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [
      ['start.sh', 4],
      ['start.sh', 7],
    ],
  );
  assert.match(found[0].message, /starts runserver without exec/);
  assert.match(found[0].message, /exec python manage\.py runserver 0\.0\.0\.0:8000/);
  assert.match(found[1].message, /starts gunicorn without exec/);
  for (const f of found) {
    assert.doesNotMatch(f.message, /in sequence|starts only once|its own compose service/);
  }
  assert.deepEqual(await filesFixed(files), ['start.sh']);

  // The same script with the settings module known: only the branch it selects runs.
  const chosen = (
    await analyzeFiles({
      ...files,
      'compose.yaml':
        'services:\n  web:\n    build: .\n    environment:\n      DJANGO_SETTINGS_MODULE: mysite.settings\n',
    })
  ).findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    chosen.map((f) => [f.file, f.line]),
    [['start.sh', 7]],
  );
});

test('TF0901: a server sent to the background names the processes and what holds the shell, never exec wait or exec tail', async () => {
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  };
  const waiting = {
    ...base,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["sh", "-c", "gunicorn mysite.wsgi & celery -A mysite worker & wait"]\n',
  };
  const [waited] = (await analyzeFiles(waiting)).findings.filter((f) => f.ruleId === 'TF0901');
  assert.match(
    waited.message,
    /CMD runs 'sh -c', which starts gunicorn and celery worker in the background \(&\) and then waits for them \(wait\)/,
  );
  assert.match(
    waited.message,
    /start only gunicorn, in the foreground with exec \('exec gunicorn mysite\.wsgi'\), and run 'celery -A mysite worker' as its own container/,
  );
  assert.doesNotMatch(waited.message, /exec wait/);
  assert.deepEqual(await filesFixed(waiting), []);

  const tail = (
    await analyzeFiles({
      ...base,
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n',
      'start.sh': '#!/bin/sh\npython manage.py runserver 0.0.0.0:8000 &\ntail -f /dev/null\n',
    })
  ).findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    tail.map((f) => [f.file, f.line]),
    [['start.sh', 2]],
  );
  assert.match(
    tail[0].message,
    /start\.sh starts runserver in the background \(&\) and then runs tail -f \/dev\/null only to keep the container running/,
  );
  assert.match(tail[0].message, /instead of 'tail -f \/dev\/null'\.$/);
});

test('TF0901: a server sent to the background with nothing after it says the container exits at once, in every form', async () => {
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  };
  const message = async (files: Record<string, string>) =>
    (await analyzeFiles({ ...base, ...files })).findings.find((f) => f.ruleId === 'TF0901')?.message ?? '';
  const exits =
    /and nothing runs in the foreground after it, so the shell reaches the end of its commands and exits at once: the container stops, and gunicorn is killed with it\. Remove the '&'/;
  const shellForm = await message({
    Dockerfile: 'FROM python:3.12-slim\nCMD gunicorn -b 0.0.0.0:8000 mysite.wsgi &\n',
  });
  assert.match(shellForm, exits);
  assert.match(shellForm, /use the exec form: CMD \["gunicorn", "-b", "0\.0\.0\.0:8000", "mysite\.wsgi"\]\./);
  const inline = await message({
    Dockerfile:
      'FROM python:3.12-slim\nCMD ["sh", "-c", "python manage.py check && gunicorn mysite.wsgi &"]\n',
  });
  assert.match(inline, /^CMD runs 'sh -c', which starts gunicorn in the background \(&\), and nothing runs/);
  assert.match(inline, /start gunicorn in the foreground with exec \('exec gunicorn mysite\.wsgi'\)/);
  const script = await message({
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n',
    'start.sh': '#!/bin/sh\npython manage.py check\ngunicorn mysite.wsgi &\n',
  });
  assert.match(script, /^start\.sh starts gunicorn in the background \(&\), and nothing runs/);
  assert.doesNotMatch(script, /goes on running other commands/);
});

test('TF0901 on a shell-form CMD of a shell builtin builds no exec form of it, and the fixer declines', async () => {
  const files = { Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD . .\n', 'manage.py': '' };
  const result = await analyzeFiles(files);
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(found.length, 1);
  assert.ok(found[0].message.includes("'.' is a shell builtin, not a program"), found[0].message);
  assert.ok(!found[0].message.includes('Use the exec form: CMD [".", "."]'), found[0].message);
  assert.deepEqual(await filesFixed(files), []);
});

// Observed 2026-12-03 with the engine here (Docker 20.10.24, legacy builder; no buildx): `CMD ["gunicorn",
// "app.wsgi"] # start` gave Config.Cmd ["gunicorn","app.wsgi"] and `ENTRYPOINT ["/bin/bash"]#["entrypoint.sh"]`
// Config.Entrypoint ["/bin/bash"] (the first JSON value). BuildKit's Dockerfile frontend reads it with json.Unmarshal
// since 1.10 (moby/buildkit 80518e257, "fix invalid usage of json.NewDecoder"), whose test expects
// `ENTRYPOINT []random string` to give ["/bin/sh","-c","[]random string"]: the default builder of current Docker runs
// the line as shell form, and so does the model. `sh -c '["gunicorn", "app.wsgi"] # start'` → `[gunicorn,: not found`.
test('TF0901: a JSON array followed by text is shell form; the message names the text and the array alone', async () => {
  for (const [line, keyword, array] of [
    ['CMD ["gunicorn", "app.wsgi"] # start', 'CMD', 'CMD ["gunicorn", "app.wsgi"]'],
    ['ENTRYPOINT ["/bin/bash"]#["entrypoint.sh"]', 'ENTRYPOINT', 'ENTRYPOINT ["/bin/bash"]'],
  ]) {
    const files = { Dockerfile: `FROM python:3.12\nWORKDIR /app\nCOPY . .\n${line}\n`, 'manage.py': '' };
    const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901');
    assert.equal(found.length, 1, line);
    const m = found[0].message;
    assert.ok(m.startsWith(`${keyword} is a JSON array followed by more text`), m);
    assert.ok(m.includes('runs the whole line with /bin/sh -c'), m);
    assert.ok(m.includes(`on a line of its own: ${array}.`), m);
    assert.ok(!m.includes('not valid JSON (the exec form needs double quotes'), m);
    assert.ok(!m.includes('Use the exec form'), m);
    assert.deepEqual(await filesFixed(files), []);
  }
});

test('TF0901 on a shell-form CMD that runs a start script names the script where the image holds it, never /entrypoint.sh', async () => {
  const script = '#!/bin/sh\npython manage.py collectstatic --noinput\ngunicorn --bind 0.0.0.0:8000 a.wsgi\n';
  const cases: [string, Record<string, string>, string][] = [
    [
      'WORKDIR /srv\nCOPY . /srv/\nCMD sh -c "chmod +x /srv/run-web.sh && /srv/run-web.sh"',
      { 'run-web.sh': script },
      'CMD ["/srv/run-web.sh"]',
    ],
    [
      'WORKDIR /code\nCOPY . .\nCMD sh run.sh; echo done',
      { 'run.sh': script.replace('#!/bin/sh\n', '') },
      'CMD ["sh", "/code/run.sh"]',
    ],
    [
      'WORKDIR /code\nCOPY . .\nRUN mv run.sh /usr/local/bin/start\nCMD cd /code && start',
      { 'run.sh': script },
      'CMD ["/usr/local/bin/start"]',
    ],
  ];
  for (const [lines, extra, named] of cases) {
    const files = { Dockerfile: `FROM python:3.12\n${lines}\n`, 'manage.py': '', ...extra };
    const found = (await analyzeFiles(files)).findings.filter(
      (f) => f.ruleId === 'TF0901' && f.file === 'Dockerfile',
    );
    assert.equal(found.length, 1, lines);
    assert.ok(found[0].message.includes(`Use the exec form: ${named}`), found[0].message);
    assert.ok(!found[0].message.includes('/entrypoint.sh'), found[0].message);
  }
  // No script of the image is run: no path is made up.
  const none = await analyzeFiles({
    Dockerfile: 'FROM python:3.12\nCMD python manage.py migrate && gunicorn a.wsgi\n',
    'manage.py': '',
  });
  for (const f of none.findings.filter((f) => f.ruleId === 'TF0901'))
    assert.ok(!f.message.includes('/entrypoint.sh'), f.message);
});

// A non-JSON array runs as `/bin/sh -c "['python manage.py', …]"`: its first word is no program, so no shell stays
// PID 1 over a server; BusyBox ash (Alpine) execs that word in place of itself, so nothing is reported there.
test('TF0901 on a CMD array that is not valid JSON says the container exits at start, and is silent on Alpine', async () => {
  const cmd = `CMD ['python manage.py', 'collectstatic --noinput' "gunicorn", "--bind", ":8005", "app.wsgi"]`;
  const on = async (base: string) =>
    (
      await analyzeFiles({ Dockerfile: `FROM ${base}\nWORKDIR /app\nCOPY . .\n${cmd}\n`, 'manage.py': '' })
    ).findings.filter((f) => f.ruleId === 'TF0901');
  const debian = await on('python:3.12-slim');
  assert.equal(debian.length, 1);
  const m = debian[0].message;
  assert.ok(m.includes('`[python manage.py,` is no command: the container exits at start'), m);
  assert.ok(!m.includes('PID 1'), m);
  assert.ok(!m.includes('does not reach the server'), m);
  assert.deepEqual(await on('python:3.7-alpine'), []);
});

// `CMD [ "python",'manage.py','runserver' ]` runs `[ python,manage.py,runserver ]`: a one-word test, which succeeds.
test('TF0901 on a non-JSON array starting with `[ ` says the test succeeds and no server runs, not that it fails', async () => {
  const on = async (cmd: string) =>
    (
      await analyzeFiles({
        Dockerfile: `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n${cmd}\n`,
        'manage.py': '',
      })
    ).findings.filter((f) => f.ruleId === 'TF0901')[0].message;
  const one = await on(`CMD [ "python",'manage.py','runserver',"0.0.0.0:8080" ]`);
  assert.ok(
    one.includes(
      "`[` is the shell's test command, not the server: it tests one non-empty word, which succeeds",
    ),
    one,
  );
  assert.ok(one.includes('exits with code 0 at start and no server ever runs'), one);
  assert.ok(!one.includes('it fails'), one);
  const several = await on(`CMD [ "python", 'manage.py', "runserver" ]`);
  assert.ok(several.includes('it only evaluates its words as a test'), several);
  assert.ok(!several.includes('it fails') && !several.includes('succeeds'), several);
});

// `while true; do if ! manage.py runserver_plus …; fi; done`: the shell stays PID 1 to restart the server, and exec
// inside the loop would end it; the container's restart policy does the restarting instead.
test('TF0901 on a server in a restart loop names the command, keeps the loop in view, and proposes no bare exec', async () => {
  const script =
    '#!/bin/sh\nwhile true; do\n    if ! python manage.py runserver_plus 0.0.0.0:8000; then\n        sleep 2\n    fi\ndone\n';
  const files = {
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/run.sh"]\n',
    'run.sh': script,
    'manage.py': '',
  };
  const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(found.length, 1);
  const m = found[0].message;
  assert.ok(m.includes('starts runserver_plus inside a restart loop'), m);
  assert.ok(!/\brunserver\b/.test(m), m);
  assert.ok(m.includes('the shell stays PID 1 to restart runserver_plus'), m);
  assert.ok(m.includes("Drop the loop and let the container's restart policy restart it"), m);
  assert.ok(m.includes("then start it with 'exec python manage.py runserver_plus 0.0.0.0:8000'"), m);
  assert.deepEqual(await filesFixed(files), []);
});

// uWSGI before 2.1 reloads on SIGTERM unless die-on-term is set: the advice to exec it says so, unless the command,
// the ini file it loads or a pin of 2.1 or later settles it.
test('TF0901 on uwsgi without exec also asks for --die-on-term where uWSGI may reload on SIGTERM', async () => {
  const message = async (command: string, requirements: string, extra: Record<string, string> = {}) => {
    const files = {
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["/app/run.sh"]\n',
      'run.sh': `#!/bin/sh\npython manage.py collectstatic --noinput\n${command}\n`,
      'requirements.txt': requirements,
      'manage.py': '',
      ...extra,
    };
    const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901');
    assert.equal(found.length, 1, command);
    return found[0].message;
  };
  const pinned = await message('uwsgi --socket :9000 --module a.wsgi', 'uWSGI==2.0.15\n');
  assert.ok(pinned.includes("Write 'exec uwsgi --socket :9000 --module a.wsgi'."), pinned);
  assert.ok(
    pinned.includes('uWSGI 2.0.15 (the version the requirements pin) takes SIGTERM as a signal to reload'),
    pinned,
  );
  assert.ok(pinned.includes('add --die-on-term to the command'), pinned);
  const unpinned = await message('uwsgi --socket :9000 --module a.wsgi', 'uwsgi\n');
  assert.ok(unpinned.includes('uWSGI before 2.1 takes SIGTERM as a signal to reload'), unpinned);
  assert.ok(unpinned.includes('the requirements pin no version'), unpinned);
  for (const [command, requirements, extra] of [
    ['uwsgi --die-on-term --socket :9000 --module a.wsgi', 'uWSGI==2.0.15\n', {}],
    [
      'uwsgi --ini uwsgi.ini',
      'uWSGI==2.0.15\n',
      { 'uwsgi.ini': '[uwsgi]\nmodule = a.wsgi\ndie-on-term = true\n' },
    ],
    ['uwsgi --socket :9000 --module a.wsgi', 'uWSGI==2.1.0\n', {}],
    // the Emperor takes SIGTERM as its death: only a master reloads on it
    ['uwsgi --emperor /etc/uwsgi/vassals', 'uWSGI==2.0.15\n', {}],
    ['uwsgi --emperor=/etc/uwsgi/vassals --uid app', 'uwsgi\n', {}],
    ['gunicorn a.wsgi', 'uWSGI==2.0.15\n', {}],
    // the ini path is relative to the directory the script's cd moved to
    [
      'cd src\nuwsgi --ini conf/uwsgi.ini',
      'uWSGI==2.0.15\n',
      { 'src/conf/uwsgi.ini': '[uwsgi]\nmodule = a.wsgi\ndie-on-term = true\n' },
    ],
  ] as const) {
    const m = await message(command, requirements, extra);
    assert.ok(!m.includes('a signal to reload'), m);
  }
  const ini = await message('uwsgi --ini uwsgi.ini', 'uWSGI==2.0.15\n', {
    'uwsgi.ini': '[uwsgi]\nmodule = a.wsgi\n',
  });
  assert.ok(ini.includes('add --die-on-term to the command (or die-on-term = true in uwsgi.ini)'), ini);
});

// The uWSGI version an installer's lock pins counts as the requirements' pin does; an image that installs no uWSGI at
// all is told so instead: its command fails in any form.
test('TF0901 on uwsgi reads the version from a lock file, and says when nothing installs uWSGI', async () => {
  const message = async (install: string, extra: Record<string, string>, from = 'python:3.12-slim') => {
    const files = {
      Dockerfile: `FROM ${from}\nWORKDIR /app\nCOPY . .\n${install}\nCMD uwsgi --socket :9000 --module a.wsgi\n`,
      'manage.py': '',
      ...extra,
    };
    const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901');
    assert.equal(found.length, 1, install);
    return found[0].message;
  };
  const poetry = await message('RUN poetry install --no-root', {
    'pyproject.toml':
      '[tool.poetry]\nname = "a"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nuwsgi = "^2.0"\n',
    'poetry.lock':
      '[[package]]\nname = "django"\nversion = "4.2.11"\n\n[[package]]\nname = "uwsgi"\nversion = "2.0.21"\n',
  });
  assert.ok(poetry.includes('uWSGI 2.0.21 (the version poetry.lock pins) takes SIGTERM'), poetry);
  const pipenv = await message('RUN pipenv install --system --deploy', {
    Pipfile: '[packages]\nuwsgi = "*"\n',
    'Pipfile.lock': JSON.stringify({ default: { uwsgi: { version: '==2.1.0' } }, develop: {} }),
  });
  assert.ok(!pipenv.includes('a signal to reload') && !pipenv.includes('provides uWSGI'), pipenv);
  const uv = await message('RUN uv sync --locked', {
    'pyproject.toml': '[project]\nname = "a"\ndependencies = ["django==4.2.11"]\n',
    'uv.lock': 'version = 1\n\n[[package]]\nname = "django"\nversion = "4.2.11"\n',
  });
  assert.ok(uv.includes('But nothing the image installs provides uWSGI'), uv);
  const none = await message('RUN pip install -r requirements.txt', {
    'requirements.txt': 'Django==4.2.11\n',
  });
  assert.ok(none.includes('so the image holds no uwsgi program and the container fails to start'), none);
  // Anything that may bring it leaves the question open: a local project, a RUN that names it, a uwsgi base image.
  for (const [install, extra, from] of [
    ['RUN pip install .', { 'requirements.txt': 'Django==4.2.11\n' }, undefined],
    ['RUN apt-get update && apt-get install -y uwsgi-core', {}, undefined],
    ['RUN true', {}, 'acme/django-uwsgi:1.0'],
    ['RUN ./install-deps.sh', { 'install-deps.sh': '#!/bin/sh\n' }, undefined],
  ] as const) {
    const m = await message(install, extra, from);
    assert.ok(!m.includes('provides uWSGI'), m);
  }
});

// `trap graceful_stop TERM` whose handler writes q to uWSGI's master FIFO, then `wait $!`: the shell forwards SIGTERM.
test('TF0901/TF0803 on a script whose trap forwards SIGTERM: silent when it waits again, else says the shell exits mid-stop', async () => {
  const findings = async (waits: string, trap: string) => {
    const files = {
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/run.sh"]\n',
      'run.sh': `#!/bin/sh\nstop() {\n  echo q > /tmp/uwsgi-fifo\n}\n${trap}\nuwsgi --ini uwsgi.ini &\n${waits}`,
      'uwsgi.ini': '[uwsgi]\nmodule = a.wsgi\nmaster-fifo = /tmp/uwsgi-fifo\ndie-on-term = true\n',
      'manage.py': '',
    };
    return (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901' || f.ruleId === 'TF0803');
  };
  assert.deepEqual(await findings('wait $!\nwait $!\n', 'trap stop TERM'), []);
  assert.deepEqual(await findings('wait "$pid"\n', `trap 'kill -TERM $pid; wait $pid' TERM INT`), []);
  const once = await findings('wait $!\n', 'trap stop SIGTERM');
  assert.deepEqual(
    once.map((f) => `${f.ruleId}:${f.line}`),
    ['TF0901:6'],
  );
  const m = once[0].message;
  assert.ok(m.includes('passes SIGTERM on to it from its trap (line 5)'), m);
  assert.ok(m.includes('once the trap has run the script ends, so the shell (PID 1) exits'), m);
  assert.ok(!m.includes('does not reach'), m);
  assert.ok(!m.includes('only waits'), m);
  // Without a trap the shell does only wait: both rules report it.
  const none = await findings('wait $!\n', '');
  assert.deepEqual(none.map((f) => f.ruleId).sort(), ['TF0803', 'TF0901']);
});

test('TF0901: a template placeholder (`<PROJECT_NAME>.wsgi`) is a word of the command, kept in the exec to write', async () => {
  const files = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'compose.yaml': [
      'services:',
      '  web:',
      '    build: .',
      '    command: sh -c "python manage.py migrate && gunicorn <PROJECT_NAME>.wsgi:application --bind 0.0.0.0:8000"',
      '',
    ].join('\n'),
  };
  const result = await analyzeFiles(files);
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.match(found[0].message, /'exec gunicorn <PROJECT_NAME>\.wsgi:application --bind 0\.0\.0\.0:8000'/);
  assert.doesNotMatch(found[0].message, /exec gunicorn --bind|'<PROJECT_NAME>/);
  // Read as redirections, the placeholder made the last command look redirected, which bash 5.1+ does not exec.
  const bash = await analyzeFiles({
    ...files,
    'compose.yaml': files['compose.yaml'].replace('sh -c', 'bash -c'),
  });
  assert.deepEqual(
    bash.findings.filter((f) => f.ruleId === 'TF0901' || f.ruleId === 'TF1101'),
    [],
  );
  const root = mkdtempSync(join(tmpdir(), 'tfr-tf0901-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const ports = {
      analyze: (overlay: Overlay) => analyzeStatic(root, DEFAULT_CONFIG, {}, overlay),
      read: (file: string) => readText(root, file),
      debug: () => {},
    };
    const fixed = (await runFixes(ports, { rules: [shellFormCommand] })).changes.get('compose.yaml');
    assert.match(
      fixed?.after ?? '',
      /&& exec gunicorn <PROJECT_NAME>\.wsgi:application --bind 0\.0\.0\.0:8000"/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('TF0901: su -c "… gunicorn … &" is no server to exec: no advice to write exec su … &', async () => {
  const { findings } = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nRUN useradd app\nCOPY . /app\nENTRYPOINT ["/app/run.sh"]\n',
    'run.sh':
      '#!/bin/bash\nsu -p app -c ". /app/venv/bin/activate && gunicorn mysite.wsgi &"\ntail -f /dev/null\n',
  });
  const messages = findings.filter((f) => f.ruleId === 'TF0901').map((f) => f.message);
  assert.ok(
    messages.every((m) => !/Write exec su/.test(m)),
    messages.join('\n'),
  );
  const several = findings.find((f) => f.ruleId === 'TF0803');
  assert.match(
    several?.message ?? '',
    /starts gunicorn in the background with '&', while the container's main process is 'tail -f/,
  );
});

test('TF0901 never proposes exec for a setup step that more commands follow; it names the last long-running one', async () => {
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    'bin/setup.sh': '#!/bin/sh\npython manage.py collectstatic --noinput\n',
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["./bin/start.sh"]\n',
  };
  // a setup script, then a test run that exits by itself: no server for SIGTERM to miss
  const tests = await analyzeFiles({
    ...base,
    'bin/start.sh': '#!/bin/bash\n./bin/setup.sh\npython manage.py test "$@"\n',
  });
  assert.deepEqual(
    tests.findings.filter((f) => f.ruleId === 'TF0901').map((f) => f.message),
    [],
  );
  // collectstatic (manage.py is a script too), then nginx in the foreground: nginx is the one to exec
  const proxy = await analyzeFiles({
    ...base,
    'bin/start.sh':
      '#!/bin/bash\n./bin/setup.sh\n./manage.py collectstatic --noinput\nnginx -g "daemon off;" >/dev/null 2>&1\n',
  });
  const found = proxy.findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [['bin/start.sh', 4]],
  );
  assert.match(found[0].message, /starts nginx without exec/);
  assert.doesNotMatch(found[0].message, /exec \.\/(bin\/setup\.sh|manage\.py)/);
});

test('TF0901 on a shell-form ENTRYPOINT of a script that backgrounds its server asks for exec in the script', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY run.sh /run.sh\nENTRYPOINT /run.sh\n',
    'run.sh': [
      '#!/bin/bash',
      'su -p app -c "python manage.py migrate && \\',
      '  gunicorn --bind 0.0.0.0:8000 mysite.wsgi &"',
      'tail -f /dev/null',
      '',
    ].join('\n'),
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  const entry = found.find((f) => f.file === 'Dockerfile');
  assert.ok(entry, JSON.stringify(found));
  assert.match(entry.message, /exec form alone \(ENTRYPOINT \["\/run\.sh"\]\) would not fix it/);
  assert.match(entry.message, /start gunicorn in the foreground with exec/);
  assert.doesNotMatch(entry.message, /Use the exec form: ENTRYPOINT/);
  // the su -c string is read: migrate on its own line, gunicorn sent to the background on the next
  const lines = (rule: string) =>
    result.findings.filter((f) => f.ruleId === rule && f.file === 'run.sh').map((f) => f.line);
  assert.deepEqual(lines('TF1202'), [2]);
  assert.deepEqual(lines('TF0803'), [3]);
});

test('TF0901: a server in the background and a worker last on Alpine: the worker is PID 1, the server misses SIGTERM', async () => {
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  };
  const chain = 'python manage.py migrate; gunicorn a.wsgi -b 0.0.0.0:8000 & celery -A a worker';
  for (const [image, cmd, pid1] of [
    ['python:3.7-alpine', `CMD ["sh", "-c", "${chain}"]`, /BusyBox ash\) execs celery worker/],
    ['python:3.14-alpine', `CMD ${chain}`, /BusyBox ash\) execs celery worker/],
    [
      'python:3.14-slim',
      'CMD ["sh", "-c", "gunicorn a.wsgi & exec celery -A a worker"]',
      /the shell execs celery/,
    ],
  ] as const) {
    const result = await analyzeFiles({
      ...base,
      Dockerfile: `FROM ${image}\nWORKDIR /app\nCOPY . .\n${cmd}\n`,
    });
    const found = result.findings.filter((f) => f.ruleId === 'TF0901');
    assert.equal(found.length, 1, `${image} ${cmd}`);
    assert.match(found[0].message, pid1);
    assert.match(
      found[0].message,
      /celery worker is PID 1 and gets SIGTERM, but gunicorn, in the background, never gets it/,
    );
    assert.doesNotMatch(found[0].message, /reaches none of them|stays PID 1|\/bin\/sh is PID 1/);
  }
});

test('TF0901: servers behind opposite `[ "$X" = v ] &&` / `[ "$X" != v ] &&` guards are alternatives', async () => {
  const files = (first: string, second: string) => ({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/run.sh"]\n',
    'compose.yaml': 'services:\n  web:\n    build: .\n    environment:\n      ENVIRONMENT: ${ENVIRONMENT}\n',
    'run.sh': [
      '#!/usr/bin/env bash',
      'python3 manage.py migrate || exit 1',
      `${first} &&`,
      '\tpython3 manage.py runserver 0.0.0.0:8000',
      `${second} &&`,
      '\tgunicorn mysite.wsgi:application --bind 0.0.0.0:8000',
      '',
    ].join('\n'),
  });
  for (const [first, second] of [
    ['[ "$ENVIRONMENT" = local ]', '[ "$ENVIRONMENT" != local ]'],
    ['[ "$ENVIRONMENT" == local ]', '! [ "$ENVIRONMENT" == local ]'],
    ['[ -n "$ENVIRONMENT" ]', '[ -z "$ENVIRONMENT" ]'],
  ]) {
    const found = (await analyzeFiles(files(first, second))).findings.filter((f) => f.ruleId === 'TF0901');
    assert.deepEqual(
      found.map((f) => [f.file, f.line]),
      [
        ['run.sh', 4],
        ['run.sh', 6],
      ],
      `${first} / ${second}`,
    );
    assert.match(found[0].message, /starts runserver without exec/);
    assert.match(found[1].message, /starts gunicorn without exec/);
    for (const f of found)
      assert.doesNotMatch(f.message, /in sequence|starts only once|its own compose service/);
  }
});

test('TF0901: a dev server sent to the background, then `gulp serve`: gulp holds the script, and the fix keeps it', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/run.sh"]\nCMD ["app"]\n',
    'run.sh': '#!/bin/bash\npython manage.py runserver 0.0.0.0:8000 &\ngulp serve\nexec "$@"\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.match(found[0].message, /and then runs gulp serve in the foreground/);
  assert.match(found[0].message, /run 'gulp serve' as its own container/);
  assert.doesNotMatch(found[0].message, /container command/);
});

test('TF0901 never proposes exec for a server that daemonises itself (gunicorn --daemon), only for the one after it', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/run.sh"]\n',
    'run.sh': "#!/bin/bash\ngunicorn mysite.wsgi -b 127.0.0.1:8000 --daemon\nnginx -g 'daemon off;'\n",
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0901');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [['run.sh', 3]],
  );
  assert.doesNotMatch(found[0].message, /exec gunicorn/);
});

test('TF0901: a wsgi module the repository does not hold is not carried into the exec to write', async () => {
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')\n",
    'config/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    'config/wsgi.py': 'application = None\n',
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["sh", "-c", "gunicorn your_app_module.wsgi:application -b 0.0.0.0:8000"]\n',
  };
  const one = (await analyzeFiles(base)).findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(one.length, 1);
  assert.match(one[0].message, /Write 'exec gunicorn config\.wsgi:application -b 0\.0\.0\.0:8000'/);
  assert.match(
    one[0].message,
    /your_app_module\.wsgi, as the command names it, is no module of the repository/,
  );
  const two = (await analyzeFiles({ ...base, 'other/wsgi.py': 'application = None\n' })).findings.filter(
    (f) => f.ruleId === 'TF0901',
  );
  assert.match(two[0].message, /write the project's wsgi module in its place/);
  assert.doesNotMatch(two[0].message, /exec gunicorn config\.wsgi/);
});

// `su -m myuser -c "…runserver…"`: exec su would leave su as the server's parent, so the advice is not exec su.
test('TF0901 on a server started through su without exec advises a tool that execs it as the user, never exec su', async () => {
  const files = {
    Dockerfile:
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN adduser --disabled-password --gecos \'\' myuser\nCMD ["/app/run.sh"]\n',
    'run.sh': '#!/bin/sh\nsu -m myuser -c "python manage.py runserver 0.0.0.0:8000"\n',
    'manage.py': '',
  };
  const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF0901');
  assert.equal(found.length, 1);
  const m = found[0].message;
  assert.ok(!m.includes('Write exec su'), m);
  assert.ok(m.includes('exec su … would not make the server PID 1 either: su stays its parent process'), m);
  assert.ok(
    m.includes(
      'exec setpriv --reuid=myuser --regid=myuser --init-groups python manage.py runserver 0.0.0.0:8000',
    ),
    m,
  );
  assert.ok(m.includes('or set USER myuser in the Dockerfile, drop su from the script'), m);
  assert.deepEqual(await filesFixed(files), []);
});

// Alpine's and BusyBox's images have no bash: `bash -c` does not start there, and sh -c is the shell to propose.
test('TF0901 on `bash -c` says an Alpine image without bash cannot start it, unless a RUN installs bash', async () => {
  const cmd = 'CMD ["bash", "-c", "celery -A a worker & gunicorn a.wsgi"]';
  const on = async (...lines: string[]) =>
    (await analyzeFiles({ Dockerfile: df(...lines, cmd), 'manage.py': '' })).findings
      .filter((f) => f.ruleId === 'TF0901')
      .map((f) => f.message);
  const bare = await on('FROM python:3.12-alpine');
  assert.equal(bare.length, 1);
  assert.match(bare[0], /python:3\.12-alpine has no bash .* write 'sh -c' in its place\./);
  for (const installed of [
    await on('FROM python:3.12-alpine', 'RUN apk add --no-cache bash'),
    await on('FROM python:3.12-slim'),
  ]) {
    assert.equal(installed.length, 1);
    assert.ok(!installed[0].includes('has no bash'), installed[0]);
  }
});
