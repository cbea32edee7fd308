import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runsAsRoot } from '../../src/rules/TF1301-runs-as-root.js';
import { analyzeFiles } from '../support/analyze.js';
import { repositoryBaseFiles } from '../support/repository-base.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

appRuleCases(runsAsRoot, [
  [
    'no USER: last line of the target stage',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install -r requirements.txt', 'CMD ["gunicorn", "a.wsgi"]'),
    },
    ['Dockerfile:3'],
  ],
  [
    'a builder stage without USER is fine',
    {
      dockerfile: df(
        'FROM python:3.12 AS build',
        'RUN pip wheel .',
        'FROM python:3.12-slim',
        'USER 10001',
        'CMD ["gunicorn", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'USER root last',
    { dockerfile: df('FROM python:3.12', 'USER app', 'RUN true', 'USER 0:0') },
    ['Dockerfile:4'],
  ],
  [
    'USER inherited from the parent stage',
    { dockerfile: df('FROM python:3.12 AS base', 'USER app', 'FROM base', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  ['USER from an unknown variable is silent', { dockerfile: df('FROM python:3.12', 'USER $APP_USER') }, []],
  [
    "a distroless nonroot tag runs as uid 65532: the image's own USER",
    {
      dockerfile: df(
        'FROM python:3.12-slim AS build',
        'COPY . /app',
        'FROM gcr.io/distroless/python3-debian12:nonroot',
        'COPY --from=build /app /app',
        'CMD ["/app/main.py"]',
      ),
    },
    [],
  ],
  [
    'a distroless debug tag still runs as root',
    {
      dockerfile: df('FROM gcr.io/distroless/python3-debian12:debug', 'COPY . /app', 'CMD ["/app/main.py"]'),
    },
    ['Dockerfile:3'],
  ],
  [
    'USER from an ARG is resolved',
    { dockerfile: df('FROM python:3.12', 'ARG U=root', 'USER $U') },
    ['Dockerfile:3'],
  ],
  [
    'the entrypoint drops privileges with gosu: the stage still has no USER (the message names the drop)',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec gosu app "$@"\n' }],
    },
    ['Dockerfile:3'],
  ],
  [
    'the target stage chosen by compose build.target',
    {
      dockerfile: df('FROM python:3.12 AS prod', 'USER app', 'FROM prod AS dev', 'USER root'),
      target: 'prod',
    },
    [],
  ],
]);

const app = (files: Record<string, string>) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  ...files,
});
const messageOf = async (files: Record<string, string>) => {
  const found = (await analyzeFiles(app(files))).findings.filter((f) => f.ruleId === 'TF1301');
  assert.equal(found.length, 1);
  return found[0].message;
};

test('TF1301: nginx under supervisord beside gunicorn: drop root for the app program, not a USER line', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y nginx supervisor',
      'WORKDIR /app',
      'COPY . .',
      'COPY app.conf /etc/supervisor/conf.d/app.conf',
      'CMD ["supervisord", "-n", "-c", "/etc/supervisor/conf.d/app.conf"]',
    ),
    'app.conf': df(
      '[program:nginx]',
      'command=nginx -g "daemon off;"',
      '[program:web]',
      'command=gunicorn mysite.wsgi -b 127.0.0.1:8001',
    ),
  });
  assert.match(message, /nginx runs in the same container \(app\.conf:2\)/);
  assert.match(
    message,
    /created at build time with RUN useradd --create-home --uid 10001 app: add user=app to \[program:web\]/,
  );
  assert.match(message, /move nginx into its own container/);
  assert.doesNotMatch(message, /then USER app|USER app before CMD/);
});

test('TF1301: an entrypoint starting nginx then gunicorn: gunicorn --user with the user the image creates', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN useradd --system django',
      'WORKDIR /app',
      'COPY . .',
      'ENTRYPOINT ["/app/start.sh"]',
    ),
    'start.sh': '#!/bin/sh\nnginx\nexec gunicorn mysite.wsgi -b 127.0.0.1:8001\n',
  });
  assert.match(message, /start gunicorn with --user django --group django \(start\.sh:3\)/);
  assert.doesNotMatch(message, /add USER django/);
});

test('TF1301: a supervisord program already run as its user beside nginx: no USER advice, the layout is named', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN useradd app',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["supervisord", "-c", "/app/app.conf"]',
    ),
    'app.conf': df(
      '[program:web]',
      'user=app',
      'command=gunicorn mysite.wsgi -b 127.0.0.1:8001',
      '[program:nginx]',
      'command=nginx -g "daemon off;"',
    ),
  });
  assert.match(message, /The app itself already runs as app \(user= of \[program:web\] at app\.conf:2\)/);
  assert.doesNotMatch(message, /Add USER app|start without/);
});

test('TF1301: an entrypoint that creates its user at start: create it at build time, then USER', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-alpine',
      'RUN apk add --no-cache su-exec',
      'WORKDIR /app',
      'COPY . .',
      'ENTRYPOINT ["/app/entrypoint.sh"]',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
    'entrypoint.sh': '#!/bin/sh\nadduser -D -u "${PUID:-1000}" web\nexec su-exec web "$@"\n',
  });
  assert.match(message, /entrypoint\.sh:2 creates the user web only when the container starts/);
  assert.match(message, /Create the user at build time \(RUN adduser -D -u 10001 web/);
  assert.doesNotMatch(message, /Add USER web to the stage/);
});

test('TF1301: a drop to a user no RUN creates on an official base: create it first', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y gosu',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["gosu", "app", "gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
  });
  assert.match(
    message,
    /Create app at build time \(RUN useradd --create-home --uid 10001 app\), add USER app/,
  );
});

test('TF1301: a user the parent stage creates is switched to, not created again', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim AS base',
      'RUN useradd --create-home app',
      'FROM base',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
  });
  assert.match(message, /built on \('base'\) already creates the user app: add USER app/);
  assert.doesNotMatch(message, /useradd/);
});

test('TF1301: su in a Debian image: the hand-over named is one the image has (setpriv), not gosu', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN useradd app',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["sh", "/app/start.sh"]',
    ),
    'start.sh': '#!/bin/sh\nchown -R app /app\nsu app -c "gunicorn -b 0.0.0.0:8000 mysite.wsgi"\n',
  });
  assert.match(message, /exec setpriv --reuid=app --regid=app --init-groups/);
  assert.doesNotMatch(message, /gosu/);
});

const suStart = (from: string) => ({
  Dockerfile: df(from, 'RUN useradd app', 'WORKDIR /app', 'COPY . .', 'CMD ["sh", "/app/start.sh"]'),
  'start.sh': '#!/bin/sh\nchown -R app /app\nsu app -c "gunicorn -b 0.0.0.0:8000 mysite.wsgi"\n',
});

test('TF1301: su on Ubuntu 14.04 or Debian 7: no setpriv (util-linux 2.20 predates it), gosu or the server option', async () => {
  for (const from of ['FROM ubuntu:14.04', 'FROM debian:wheezy', 'FROM debian:7']) {
    const message = await messageOf(suStart(from));
    assert.doesNotMatch(message, /setpriv --reuid|in the image already/, from);
    assert.match(message, /exec gosu app … \(gosu's static release binary/, from);
    assert.match(message, /predates setpriv/, from);
    assert.match(message, /exec gunicorn … --user app --group app/, from);
  }
});

test('TF1301: su on bases that package gosu but keep setpriv out of util-linux: apt-get install gosu', async () => {
  for (const from of ['FROM ubuntu:20.04', 'FROM debian:bullseye-slim', 'FROM python:3.6']) {
    const message = await messageOf(suStart(from));
    assert.match(message, /exec gosu app … \(RUN apt-get install -y gosu\)/, from);
    assert.doesNotMatch(message, /setpriv|--user app/, from);
  }
});

test('TF1301: su on Ubuntu 16.04 or an unknown base: setpriv is not claimed to be in the image', async () => {
  assert.match(await messageOf(suStart('FROM ubuntu:16.04')), /ubuntu:16\.04 packages no gosu\)/);
  const other = await messageOf(suStart('FROM mycorp/base:1.2'));
  assert.match(other, /where the base's util-linux ships it/);
  assert.doesNotMatch(other, /in the image already/);
  assert.match(await messageOf(suStart('FROM debian:12')), /setpriv --reuid=app .*in the image already/);
});

const nginxApp = (site: string, dest = '/etc/nginx/sites-available/default') => ({
  Dockerfile: df(
    'FROM python:3.12',
    'RUN apt-get update && apt-get install -y nginx',
    `COPY site.conf ${dest}`,
    'WORKDIR /app',
    'COPY . .',
    'CMD ["/app/start.sh"]',
  ),
  'site.conf': site,
  'start.sh': '#!/bin/sh\nnginx\nexec gunicorn mysite.wsgi -b 127.0.0.1:8001\n',
});

test('TF1301: nginx listening only on a port above 1023: no root needed to bind, USER advised', async () => {
  const message = await messageOf(
    nginxApp(
      'server {\n    listen 8020;\n    # listen 80;\n    location / { proxy_pass http://127.0.0.1:8001; }\n}\n',
    ),
  );
  assert.doesNotMatch(message, /\(80, 443\)|so does the app|a USER line would keep/);
  assert.match(
    message,
    /listens only on port 8020 \(site\.conf:2\), above 1023, which needs no root to bind/,
  );
  assert.match(message, /RUN useradd --create-home --uid 10001 app\), add USER app after it/);
  assert.match(message, /pid \/tmp\/nginx\.pid/);
  assert.doesNotMatch(message, /default site/);
});

test('TF1301: nginx on a high port in conf.d beside the package default site: the default site is named', async () => {
  const message = await messageOf(
    nginxApp('server {\n  listen 0.0.0.0:8080;\n}\n', '/etc/nginx/conf.d/app.conf'),
  );
  assert.match(message, /listens only on port 8080/);
  assert.match(
    message,
    /remove the nginx package's default site if the image keeps it \(it listens on port 80\)/,
  );
});

test('TF1301: nginx on port 80 (443 commented out): the real port is named, never 443', async () => {
  const message = await messageOf(
    nginxApp('server {\n\tlisten 80 default_server;\n\tlisten [::]:80;\n\t# listen 443 ssl;\n}\n'),
  );
  assert.match(message, /starts as root to bind port 80 \(site\.conf:2, site\.conf:3\)/);
  assert.doesNotMatch(message, /443/);
});

test('TF1301: nginx whose port a variable sets: no port named', async () => {
  const message = await messageOf(nginxApp('server {\n  listen ${PORT};\n}\n'));
  assert.match(message, /starts as root to bind any port below 1024/);
  assert.doesNotMatch(message, /\(80, 443\)|port 80/);
});

test('TF1301: uwsgi dropping to its uid through its ini file: the app is not said to run as root', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12',
      'RUN apt-get update && apt-get install -y nginx',
      'COPY site.conf /etc/nginx/conf.d/default.conf',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["/app/start.sh"]',
    ),
    'site.conf': 'server {\n  listen 80;\n}\n',
    'uwsgi.ini': '[uwsgi]\nmodule=mysite.wsgi\nuid=nginx\nsocket=/tmp/uwsgi.sock\nuid=1000\n',
    'start.sh': '#!/bin/sh\nnginx\nexec uwsgi --ini /app/uwsgi.ini\n',
  });
  assert.doesNotMatch(message, /so does the app|Run only the app process/);
  assert.match(message, /its master process starts as root to bind port 80 \(site\.conf:2\)/);
  assert.match(message, /The app itself already runs as 1000 \(uwsgi's uid= at uwsgi\.ini:5\)/);
});

test('TF1301: uwsgi ini uid= without a proxy: the drop is named like gosu', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["uwsgi", "--ini", "/app/uwsgi.ini"]',
    ),
    'uwsgi.ini': '[uwsgi]\nhttp=0.0.0.0:8000\nmodule=mysite.wsgi\nuid=app\n',
  });
  assert.match(message, /uwsgi\.ini:4 drops to app with uwsgi's uid= once uwsgi has started/);
  assert.doesNotMatch(message, /so the app runs as root|entrypoint script|only for the command it runs/);
});

test('TF1301: compose runs uwsgi uwsgi.ini with uid=/gid=, no entrypoint script: none is spoken of', async () => {
  const message = await messageOf({
    Dockerfile: df('FROM python:3.12', 'WORKDIR /srv/code', 'COPY . .'),
    'uwsgi.ini': '[uwsgi]\nsocket=/srv/code/app.sock\nuid=1000\ngid=2000\nmodule=mysite.wsgi\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: uwsgi uwsgi.ini\n',
  });
  assert.doesNotMatch(message, /entrypoint script|only for the command it runs/);
  assert.match(message, /uwsgi\.ini:3 drops to 1000 with uwsgi's uid=\/gid= once uwsgi has started/);
  assert.match(
    message,
    /its start-up before the drop stays root, as does any command run in the container with docker exec/,
  );
  assert.match(message, /Add USER 1000 to the stage and start without uwsgi's uid=\/gid=/);
});

test('TF1301: gosu in an entrypoint script: the script is named as what stays root', async () => {
  const message = await messageOf({
    Dockerfile: df('FROM python:3.12', 'WORKDIR /app', 'COPY . .', 'ENTRYPOINT ["/app/entrypoint.sh"]'),
    'entrypoint.sh':
      '#!/bin/sh\npython manage.py migrate\nexec gosu app gunicorn -b 0.0.0.0:8000 mysite.wsgi\n',
  });
  assert.match(
    message,
    /the entrypoint script entrypoint\.sh itself, anything it runs without gosu\) stays root/,
  );
});

test('TF1301: a uwsgi ini rendered at start from a template the image holds: its uid= is read', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM alpine:3.7',
      'RUN apk add --no-cache python3 nginx gettext',
      'COPY uwsgi.ini.template /opt/server/',
      'COPY start.sh /opt/server/',
      'COPY . /opt/code/',
      'CMD ["/bin/sh", "/opt/server/start.sh"]',
    ),
    'uwsgi.ini.template': '[uwsgi]\nchdir=/opt/code\nmodule=mysite.wsgi\nsocket=/tmp/uwsgi.sock\nuid=1000\n',
    'start.sh':
      '#!/bin/sh\nenvsubst < /opt/server/uwsgi.ini.template > /opt/server/uwsgi.ini\nnginx\nuwsgi --ini /opt/server/uwsgi.ini\n',
  });
  assert.doesNotMatch(message, /so does the app/);
  assert.match(message, /to bind any port below 1024/);
  assert.match(message, /The app itself already runs as 1000 \(uwsgi's uid= at uwsgi\.ini\.template:5\)/);
});

test('TF1301: an fcgi-program running daphne as www-data beside celery beat: the app server user= line is cited', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y nginx supervisor',
      'WORKDIR /opt/app',
      'COPY . .',
      'CMD ["supervisord", "-c", "/opt/app/supervisor.conf"]',
    ),
    'supervisor.conf': df(
      '[supervisord]',
      'nodaemon=true',
      '[fcgi-program:web]',
      'socket=tcp://0.0.0.0:8001',
      'command=daphne -u /tmp/daphne%(process_num)d.sock --fd 0 mysite.asgi:application',
      'user=www-data',
      'numprocs=2',
      '[program:nginx]',
      'command=nginx -c /opt/app/nginx.conf',
      '[program:beat]',
      'command=celery -A mysite beat',
      'user=www-data',
    ),
    'nginx.conf': 'events {}\nhttp {\n  server {\n    listen 80;\n  }\n}\n',
  });
  assert.match(message, /already runs as www-data \(user= of \[fcgi-program:web\] at supervisor\.conf:6\)/);
  assert.doesNotMatch(message, /\[program:beat\]|supervisor\.conf:5\)/);
});

test('TF1301: nginx -c FILE listening above 1023: the ports of that file are named, no default site to remove', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y nginx supervisor',
      'WORKDIR /opt/app',
      'COPY . .',
      'CMD ["supervisord", "-c", "/opt/app/supervisor.conf"]',
    ),
    'supervisor.conf': df(
      '[program:web]',
      'command=gunicorn mysite.wsgi -b 127.0.0.1:8001',
      '[program:nginx]',
      'command=nginx -c /opt/app/nginx.conf',
    ),
    'nginx.conf': 'events {}\nhttp {\n  server {\n    listen 8000;\n  }\n}\n',
  });
  assert.match(message, /listens only on port 8000 \(nginx\.conf:4\)/);
  assert.doesNotMatch(message, /below 1024|default site/);
});

test('TF1301: nginx in a service of its own sharing the image: the app service is judged alone', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y nginx',
      'COPY . /code/',
      'WORKDIR /code/',
    ),
    'docker-compose.yml': df(
      'services:',
      '  web:',
      '    build: .',
      '    command: /bin/sh /code/run.sh',
      '  web_nginx:',
      '    build: .',
      '    command: /code/nginx.sh',
    ),
    'run.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi --bind 0.0.0.0:8000\n',
    'nginx.sh': '#!/bin/sh\n/usr/sbin/nginx -c /code/nginx.conf -g "daemon off;"\n',
    'nginx.conf': 'events {}\nhttp {\n  server {\n    listen *:8000;\n  }\n}\n',
  });
  assert.doesNotMatch(message, /nginx|same container/);
  assert.match(message, /USER app at the end of the stage/);
  assert.doesNotMatch(message, /before CMD/);
});

test('TF1301: a root start script that restarts nginx and runs gunicorn through su -p USER -c: no USER advice', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM ubuntu:22.04',
      'RUN useradd -m django && apt-get update && apt-get install -y nginx',
      'COPY nginx.conf /etc/nginx/sites-available/nginx.conf',
      'COPY run.sh /home/django/run.sh',
      'RUN ln -s /home/django/run.sh /run.sh',
      'ENTRYPOINT /run.sh',
    ),
    'nginx.conf': 'server {\n  listen 80;\n}\n',
    'run.sh': df(
      '#!/bin/bash',
      'su -p django -c "python manage.py collectstatic --noinput"',
      'service nginx restart',
      'exec su -p django -c "gunicorn -c gunicorn_config.py wsgi"',
    ),
  });
  assert.match(message, /already runs as django \(su django -c at run\.sh:4\)/);
  assert.doesNotMatch(message, /add USER django|before CMD|before ENTRYPOINT/);
});

test('TF1301: su -c COMMAND USER: the user is the word after the command, not the command', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN useradd app',
      'COPY start.sh /start.sh',
      'ENTRYPOINT ["/start.sh"]',
    ),
    'start.sh': '#!/bin/sh\nchown -R app /data\nexec su -s /bin/sh -c "gunicorn mysite.wsgi" app\n',
  });
  assert.match(message, /drops to app with 'su app -c'/);
});

test('TF1301: an image with ENTRYPOINT and no CMD: USER goes before ENTRYPOINT', async () => {
  const message = await messageOf({
    Dockerfile: df('FROM python:3.12-slim', 'COPY . /app', 'ENTRYPOINT ["gunicorn", "mysite.wsgi"]'),
  });
  assert.match(message, /then USER app before ENTRYPOINT\./);
});

test("TF1301: a worker's own image without USER names its service and what it runs, not the app", async () => {
  const files = {
    'manage.py': 'import os\n',
    'mysite/__init__.py': '',
    'mysite/settings.py': 'SECRET_KEY = __import__("os").environ["SECRET_KEY"]\n',
    'requirements.txt': 'Django==5.0.6\ncelery==5.4.0\n',
    Dockerfile: df(
      'FROM python:3.12-slim',
      'COPY . /app',
      'RUN useradd app',
      'USER app',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
    'Dockerfile.worker': df(
      'FROM python:3.12-slim',
      'COPY . /app',
      'CMD ["celery", "-A", "mysite", "worker"]',
    ),
    'docker-compose.yml': df(
      'services:',
      '  web:',
      '    build: .',
      '  worker:',
      '    build:',
      '      context: .',
      '      dockerfile: Dockerfile.worker',
    ),
  };
  const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF1301');
  assert.deepEqual(
    found.map((f) => `${f.file}:${f.line}`),
    ['Dockerfile.worker:3'],
  );
  assert.match(found[0].message, /service 'worker' runs celery worker as root/);
  assert.doesNotMatch(found[0].message, /the app runs as root/);
});

test('TF1301: a worker image run by a worker and by beat names what each service runs', async () => {
  const files = {
    'manage.py': 'import os\n',
    'mysite/__init__.py': '',
    'mysite/settings.py': 'SECRET_KEY = __import__("os").environ["SECRET_KEY"]\n',
    'requirements.txt': 'Django==5.0.6\ncelery==5.4.0\n',
    Dockerfile: df('FROM python:3.12-slim', 'COPY . /app', 'RUN useradd app', 'USER app'),
    'Dockerfile.worker': df('FROM python:3.12-slim', 'COPY . /app'),
    'docker-compose.yml': df(
      'services:',
      '  web:',
      '    build: .',
      '    command: gunicorn -b 0.0.0.0:8000 mysite.wsgi',
      '  worker:',
      '    build: {context: ., dockerfile: Dockerfile.worker}',
      '    command: celery -A mysite worker',
      '  beat:',
      '    build: {context: ., dockerfile: Dockerfile.worker}',
      '    command: celery -A mysite beat',
    ),
  };
  const found = (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF1301');
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    /services 'worker' \(celery worker\) and 'beat' \(celery beat\) run as root\./,
  );
});

test('TF1301: gosu on one branch of the start script, the dev server on the other: the root branch is named', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y gosu',
      'COPY . /app',
      'CMD ["/app/start.sh"]',
    ),
    'start.sh': df(
      '#!/bin/sh',
      'if [ "$DEBUG" = 1 ]; then',
      '  exec python manage.py runserver 0.0.0.0:8000',
      'else',
      '  exec gosu app gunicorn -b 0.0.0.0:8000 mysite.wsgi',
      'fi',
    ),
    // the switch comes from the deploy's environment: either branch may run
    'docker-compose.yml': df(
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      DEBUG: ${DEBUG}',
    ),
  });
  assert.match(message, /start\.sh:5 drops to app with gosu/);
  assert.match(message, /It drops on one branch only: start\.sh:3 starts runserver on another, as root\./);
});

const tf1301 = async (files: Record<string, string>) =>
  (await analyzeFiles(files)).findings.filter((f) => f.ruleId === 'TF1301');

test("TF1301: nginx beside gunicorn --user: the drop named is the server's, not the su-exec of migrate", async () => {
  const found = await tf1301(repositoryBaseFiles());
  const base = found.find((f) => f.file === 'alpine.dockerfile');
  assert.ok(base, 'reported on the base image');
  assert.match(base.message, /already runs as web \(gunicorn --user at start\.sh:9\)/);
  assert.doesNotMatch(base.message, /su-exec at start\.sh:4/);
});

test("TF1301: a child FROM the base image this repository builds gets the base's advice, not adduser + USER", async () => {
  const found = await tf1301(repositoryBaseFiles());
  const child = found.find((f) => f.file === 'demo/alpine.dockerfile');
  assert.ok(child, 'reported on the child image');
  assert.equal(child.line, 3);
  assert.match(
    child.message,
    /sets no USER, nor does the image it is built on, acme\/django-runtime:alpine \(alpine\.dockerfile\)/,
  );
  assert.match(child.message, /nginx runs in the same container \(start\.sh:5\)/);
  assert.match(child.message, /gunicorn --user at start\.sh:9/);
  assert.doesNotMatch(child.message, /adduser|USER app/);
});

test('TF1301: a child of a base image that sets USER runs as that user: silent', async () => {
  const files = repositoryBaseFiles();
  files['alpine.dockerfile'] = files['alpine.dockerfile'].replace(
    'CMD ["start.sh"]',
    'USER web\nCMD ["gunicorn", "a.wsgi"]',
  );
  const found = await tf1301(files);
  assert.deepEqual(
    found.map((f) => f.file),
    [],
  );
});

test('TF1301: a FROM no build of the repository tags is not taken for its base image', async () => {
  const files = repositoryBaseFiles();
  files['demo/alpine.dockerfile'] = files['demo/alpine.dockerfile'].replace(
    'acme/django-runtime:alpine',
    'acme/django-runtime:slim',
  );
  const child = (await tf1301(files)).find((f) => f.file === 'demo/alpine.dockerfile');
  assert.ok(child);
  assert.doesNotMatch(child.message, /built on/);
});

test('TF1301 cites the line a continued command writes uwsgi --uid on, not the line uwsgi starts on', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile: [
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y nginx',
      'COPY . /app',
      'CMD service nginx start \\',
      ' && exec uwsgi \\',
      '      --socket /tmp/uwsgi.sock \\',
      '      --uid www-data \\',
      '      --module mysite.wsgi',
      '',
    ].join('\n'),
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF1301');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /uwsgi --uid at Dockerfile:7\)/);
  assert.doesNotMatch(found[0].message, /Dockerfile:5\)/);
});

test('TF1301: poetry install as root says where the environment went, unless a setting or `poetry env use` places it', async () => {
  const withInstall = (...lines: string[]) =>
    messageOf({
      'pyproject.toml': '[tool.poetry]\nname = "mysite"\n',
      'poetry.lock': '',
      Dockerfile: df(
        'FROM python:3.12-slim',
        'WORKDIR /code',
        'RUN pip install poetry==1.8.3',
        ...lines,
        'COPY . .',
        'CMD ["poetry", "run", "gunicorn", "mysite.wsgi"]',
      ),
    });
  assert.match(await withInstall('RUN poetry install --no-root'), /root's home \(\/root\/\.cache\/pypoetry/);
  for (const placed of [
    ['ENV POETRY_VIRTUALENVS_CREATE=false', 'RUN poetry install --no-root'],
    ['RUN poetry config virtualenvs.in-project true && poetry install --no-root'],
    ['RUN poetry env use /opt/venv/bin/python && poetry install --no-root'],
    ['RUN poetry config settings.virtualenvs.create false && poetry install --no-root'],
    ['RUN poetry config --local virtualenvs.create false && poetry install --no-root'],
    ['ENV VIRTUAL_ENV=/opt/venv', 'RUN poetry install --no-root'],
  ])
    assert.doesNotMatch(await withInstall(...placed), /pypoetry/, placed.join(' / '));
});

test('TF1301: a file handler the settings open at import asks for its directory; one with delay=True does not', async () => {
  const withLogging = (delay: string) =>
    messageOf({
      'mysite/settings.py': [
        'import os',
        "SECRET_KEY = os.environ['SECRET_KEY']",
        'LOGGING = {',
        "    'version': 1,",
        "    'handlers': {'file': {'class': 'logging.FileHandler', 'filename': '/var/log/mysite/app.log'" +
          delay +
          '}},',
        '}',
      ].join('\n'),
      Dockerfile: df('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'CMD ["gunicorn", "mysite.wsgi"]'),
    });
  assert.match(
    await withLogging(''),
    /open log files in \/var\/log\/mysite when they are imported .*RUN mkdir -p \/var\/log\/mysite && chown app \/var\/log\/mysite/,
  );
  assert.doesNotMatch(await withLogging(", 'delay': True"), /log files/);
});

test('TF1301: compose sets a user on some services of the image: who still runs as root is named', async () => {
  const dockerfile = df(
    'FROM python:3.12-slim',
    'RUN useradd app',
    'WORKDIR /app',
    'COPY . .',
    'CMD ["gunicorn", "mysite.wsgi"]',
  );
  const compose = (second: string) =>
    [
      'services:',
      '  web:',
      '    build: .',
      '    user: "${APP_UID:-app}"',
      '  admin:',
      '    build: .',
      second,
      '    command: gunicorn mysite.wsgi --bind 0.0.0.0:8001',
      '',
    ].join('\n');
  const mixed = await messageOf({ Dockerfile: dockerfile, 'docker-compose.yml': compose('    user: root') });
  assert.match(
    mixed,
    /^The target stage sets no USER, so a container started from the image on its own and compose service 'admin' run as root: compose service 'web' runs it as app \(user: \$\{APP_UID:-app\} at docker-compose\.yml:4\)\. /,
  );
  const both = await messageOf({
    Dockerfile: dockerfile,
    'docker-compose.yml': compose('    user: "1000:1000"'),
  });
  assert.match(
    both,
    /so only a container started from the image on its own runs as root: compose services 'web' \(user: \$\{APP_UID:-app\} at docker-compose\.yml:4\) and 'admin' \(user: 1000:1000 at docker-compose\.yml:7\) set their own user\./,
  );
});

test('TF1301: an SQLite fallback the environment can switch away from is written only when it is taken', async () => {
  const settings = [
    'import os',
    "SECRET_KEY = os.environ['SECRET_KEY']",
    'BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))',
    "if os.environ.get('DB_ENGINE') == 'postgres':",
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ['DB_NAME']}}",
    'else:',
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.path.join(BASE_DIR, 'db.sqlite3')}}",
    '',
  ].join('\n');
  const message = await messageOf({
    'mysite/settings.py': settings,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi", "-b", "0.0.0.0:8000"]\n',
  });
  assert.match(
    message,
    /the SQLite database \/app\/db\.sqlite3 at mysite\/settings\.py:7, when DB_ENGINE is unset/,
  );
});

test('TF1301: a chown of the WORKDIR by a relative path (chown -R app .) gives the app its directory', async () => {
  const message = await messageOf({
    Dockerfile:
      'FROM python:3.12-slim\nRUN useradd app\nWORKDIR /srv\nCOPY . .\nRUN chown -R app:app .\nCMD ["sh", "-c", "python manage.py collectstatic --noinput && exec gunicorn mysite.wsgi -b 0.0.0.0:8000"]\n',
    'mysite/settings.py':
      "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nBASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))\nSTATIC_ROOT = os.path.join(BASE_DIR, 'static')\n",
  });
  assert.doesNotMatch(message, /leaves to root/);
});

test('TF1301: one finding per image however many compose files build it, and the deepest mount decides the owner', async () => {
  const compose = (extra: string) =>
    `services:\n  web:\n    build: .\n    command: sh -c "python manage.py collectstatic --noinput${extra} && exec gunicorn mysite.wsgi -b 0.0.0.0:8000"\n    volumes:\n      - ./:/srv\n      - static:/srv/static\nvolumes:\n  static:\n`;
  const found = (
    await analyzeFiles(
      app({
        Dockerfile: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
        'mysite/settings.py':
          "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nBASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))\nSTATIC_ROOT = os.path.join(BASE_DIR, 'static')\n",
        'docker-compose.yml': compose(''),
        'docker-compose.prod.yml': compose(' --clear'),
      }),
    )
  ).findings.filter((f) => f.ruleId === 'TF1301');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /The named volume 'static' mounted over \/srv\/static/);
  assert.doesNotMatch(found[0].message, /bind-mounted/);
});

test('TF1301: a Chainguard image with no shell: USER 65532, no RUN advised', async () => {
  const message = await messageOf({
    Dockerfile: df('FROM cgr.dev/chainguard/python:latest', 'COPY . /app', 'CMD ["/app/main.py"]'),
  });
  assert.match(message, /cgr\.dev\/chainguard\/python has no shell/);
  assert.match(message, /add USER 65532 before CMD/);
  assert.doesNotMatch(message, /RUN (useradd|adduser|mkdir)/);
});
