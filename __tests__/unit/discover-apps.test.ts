import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';
import { analysedScope } from '../../src/pipeline.js';

const manage = (module = 'mysite.settings') =>
  `import os, sys\nif __name__ == '__main__':\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', '${module}')\n`;
const SETTINGS = 'INSTALLED_APPS = []\nDATABASES = {}\n';
const PY_DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n';

function summary(project: Awaited<ReturnType<typeof analyzeFiles>>['project']) {
  return project.apps.map((a) => ({
    dir: a.dir,
    dockerfile: a.dockerfile?.file,
    context: a.context?.dir,
    settings: a.settings?.file,
    compose: a.compose?.appService?.name,
  }));
}

test('single app: Dockerfile next to manage.py, settings from manage.py', async () => {
  const { project } = await analyzeFiles({
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(summary(project), [
    { dir: '.', dockerfile: 'Dockerfile', context: '.', settings: 'mysite/settings.py', compose: undefined },
  ]);
});

test('settings packages and modules named by manage.py, the input, ENV or compose', async () => {
  const files = {
    Dockerfile: 'FROM python:3.12-slim\nENV DJANGO_SETTINGS_MODULE=config.settings.prod\nCOPY . /app\n',
    'manage.py': manage('config.settings'),
    'config/settings/__init__.py': SETTINGS,
    'config/settings/prod.py': SETTINGS,
    'config/settings/ci.py': SETTINGS,
  };
  // ENV of the image wins over manage.py's default: it is what runs.
  assert.equal((await analyzeFiles(files)).project.apps[0].settings?.file, 'config/settings/prod.py');
  const withInput = await analyzeFiles(files, { discover: { settingsModule: 'config.settings.ci' } });
  assert.equal(withInput.project.apps[0].settings?.file, 'config/settings/ci.py');
  const noEnv = await analyzeFiles({ ...files, Dockerfile: PY_DOCKERFILE });
  assert.equal(noEnv.project.apps[0].settings?.file, 'config/settings/__init__.py');
  assert.equal(noEnv.project.apps[0].settings?.module, 'config.settings');
});

test('the settings module a start script exports, or passes with --settings, wins over the wsgi and manage.py defaults', async () => {
  const files = {
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["./start.sh", "--prod"]\n',
    'manage.py': manage('config.settings.development'),
    'config/settings/__init__.py': '',
    'config/settings/development.py': SETTINGS,
    'config/settings/production.py': SETTINGS,
    'config/settings/ci.py': SETTINGS,
    // Both branches export a module; the image is meant for production.
    'start.sh':
      '#!/bin/sh\nif [ "$1" = "--dev" ]; then\n  export DJANGO_SETTINGS_MODULE=config.settings.development\nelse\n  export DJANGO_SETTINGS_MODULE=config.settings.production\nfi\nexec gunicorn config.wsgi\n',
  };
  assert.equal((await analyzeFiles(files)).project.apps[0].settings?.file, 'config/settings/production.py');
  const viaOption = await analyzeFiles({
    ...files,
    'start.sh':
      '#!/bin/sh\npython manage.py migrate --settings=config.settings.ci\nexec gunicorn config.wsgi\n',
  });
  assert.equal(viaOption.project.apps[0].settings?.file, 'config/settings/ci.py');
  // The app's environment comes first: ENV names the module, the script's export does not override it here.
  const withEnv = await analyzeFiles({
    ...files,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nENV DJANGO_SETTINGS_MODULE=config.settings.ci\nCOPY . .\nCMD ["./start.sh"]\n',
  });
  assert.equal(withEnv.project.apps[0].settings?.file, 'config/settings/ci.py');
});

test('without a settings module name, the settings file with INSTALLED_APPS/DATABASES is found', async () => {
  const { project } = await analyzeFiles({
    'manage.py': 'print("custom")\n',
    'proj/settings.py': SETTINGS,
    'other/settings.py': 'X = 1\n',
  });
  assert.equal(project.apps[0].settings?.file, 'proj/settings.py');
  assert.equal(project.apps[0].settings?.module, 'proj.settings');
});

test('compose build gives the Dockerfile, context, target and args of the app', async () => {
  const { project } = await analyzeFiles({
    'docker-compose.yml': `services:
  web:
    build:
      context: ./backend
      dockerfile: docker/app.Dockerfile
      target: runtime
      args:
        BASE: python:3.12-slim
  db:
    image: postgres:16
`,
    'backend/docker/app.Dockerfile':
      'ARG BASE=python:latest\nFROM ${BASE} AS build\nFROM build AS runtime\nCOPY . /srv\nFROM build AS test\n',
    'backend/manage.py': manage(),
    'backend/mysite/settings.py': SETTINGS,
    'frontend/Dockerfile': 'FROM node:20\nCOPY . .\n',
  });
  assert.deepEqual(summary(project), [
    {
      dir: 'backend',
      dockerfile: 'backend/docker/app.Dockerfile',
      context: 'backend',
      settings: 'backend/mysite/settings.py',
      compose: 'web',
    },
  ]);
  const df = project.apps[0].dockerfile!;
  assert.equal(df.targetStage?.name, 'runtime');
  assert.equal(df.stages[0].from.image, 'python:3.12-slim');
  assert.equal(project.apps[0].imageSourceDir, '/srv');
});

test('monorepo: each Django project with its own Dockerfile is its own app; nginx and frontend images are not apps', async () => {
  const { project } = await analyzeFiles({
    'shop/Dockerfile': PY_DOCKERFILE,
    'shop/manage.py': manage('shop.settings'),
    'shop/shop/settings.py': SETTINGS,
    'blog/Dockerfile': PY_DOCKERFILE,
    'blog/src/manage.py': manage('blog.settings'),
    'blog/src/blog/settings.py': SETTINGS,
    'nginx/Dockerfile': 'FROM nginx:1.25\nCOPY nginx.conf /etc/nginx/\n',
    'frontend/Dockerfile': 'FROM node:20\nCOPY . .\n',
  });
  assert.deepEqual(summary(project), [
    {
      dir: 'blog/src',
      dockerfile: 'blog/Dockerfile',
      context: 'blog',
      settings: 'blog/src/blog/settings.py',
      compose: undefined,
    },
    {
      dir: 'shop',
      dockerfile: 'shop/Dockerfile',
      context: 'shop',
      settings: 'shop/shop/settings.py',
      compose: undefined,
    },
  ]);
  assert.equal(project.apps[0].imageSourceDir, '/app/src');
});

test('a Dockerfile in docker/ is built from the directory holding manage.py', async () => {
  const { project } = await analyzeFiles({
    'docker/Dockerfile': PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(summary(project), [
    {
      dir: '.',
      dockerfile: 'docker/Dockerfile',
      context: '.',
      settings: 'mysite/settings.py',
      compose: undefined,
    },
  ]);
});

test('Dockerfile comes first and its variants of the same directory are apps too; the input names one alone', async () => {
  const files = {
    Dockerfile: PY_DOCKERFILE,
    'Dockerfile.dev': PY_DOCKERFILE,
    'prod.Dockerfile': PY_DOCKERFILE,
    'Dockerfile.nginx': 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/conf.d/\n',
    'worker.Dockerfile': PY_DOCKERFILE,
    'Dockerfile.test': PY_DOCKERFILE,
    'Dockerfile.latest': PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  };
  const { project } = await analyzeFiles(files);
  assert.deepEqual(
    project.apps.map((a) => [a.dockerfile?.file, a.context?.dir, a.settings?.file]),
    [
      ['Dockerfile', '.', 'mysite/settings.py'],
      ['Dockerfile.dev', '.', 'mysite/settings.py'],
      ['Dockerfile.latest', '.', 'mysite/settings.py'],
      ['prod.Dockerfile', '.', 'mysite/settings.py'],
    ],
  );
  const given = await analyzeFiles(files, { discover: { dockerfile: 'Dockerfile.dev' } });
  assert.deepEqual(
    given.project.apps.map((a) => a.dockerfile?.file),
    ['Dockerfile.dev'],
  );
});

test('a Django project without any Dockerfile is still an app (settings rules apply)', async () => {
  const { project } = await analyzeFiles({ 'manage.py': manage(), 'mysite/settings.py': SETTINGS });
  assert.deepEqual(summary(project), [
    {
      dir: '.',
      dockerfile: undefined,
      context: undefined,
      settings: 'mysite/settings.py',
      compose: undefined,
    },
  ]);
});

test('compose running a prebuilt image attaches to the app of its directory', async () => {
  const { project } = await analyzeFiles({
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
    'compose.yaml':
      'services:\n  web:\n    image: registry.example.com/mysite:1.0\n    command: gunicorn mysite.wsgi\n',
  });
  assert.equal(project.apps.length, 1);
  assert.equal(project.apps[0].compose?.appService?.name, 'web');
});

test('the compose override file is merged; other variants are left alone', async () => {
  const { project } = await analyzeFiles({
    'docker-compose.yml': 'services:\n  web:\n    build: .\n',
    'docker-compose.override.yml': 'services:\n  web:\n    container_name: x\n',
    'docker-compose.prod.yml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: Other\n',
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
  });
  assert.deepEqual(project.apps[0].compose?.files, ['docker-compose.yml', 'docker-compose.override.yml']);
  assert.equal(project.apps[0].compose?.appService?.containerName?.value, 'x');
});

test('the Dockerfile named in the inputs comes first even when compose builds another one', async () => {
  const { project } = await analyzeFiles(
    {
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev\n',
      'Dockerfile.dev': PY_DOCKERFILE,
      'Dockerfile.prod': PY_DOCKERFILE,
      'manage.py': manage(),
    },
    { discover: { dockerfile: 'Dockerfile.prod' } },
  );
  assert.deepEqual(
    project.apps.map((a) => a.dockerfile?.file),
    ['Dockerfile.prod', 'Dockerfile.dev'],
  );
});

test('settings modules the settings star-import are read and modelled, bases first, wherever they are named', async () => {
  const { project } = await analyzeFiles({
    Dockerfile: 'FROM python:3.12-slim\nENV DJANGO_SETTINGS_MODULE=mysite.conf.production\nCOPY . /app\n',
    'manage.py': manage(),
    'mysite/settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    // Not a settings file by name: read because production.py imports it.
    'mysite/conf/base.py':
      'import os\nfrom mysite.settings import *\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": os.environ["POSTGRES_HOST"]}}\n',
    'mysite/conf/production.py':
      'from .base import *\nfrom . import *\nfrom .production import *\nDEBUG = False\n',
    'mysite/conf/__init__.py': '',
  });
  const app = project.apps[0];
  assert.equal(app.settings?.file, 'mysite/conf/production.py');
  // The package itself is a base too (`from . import *`); the module importing itself is not.
  assert.deepEqual(
    app.settingsBases?.map((b) => [b.file, b.module]),
    [
      ['mysite/settings.py', 'mysite.settings'],
      ['mysite/conf/base.py', 'mysite.conf.base'],
      ['mysite/conf/__init__.py', 'mysite.conf'],
    ],
  );
  assert.deepEqual(project.parseErrors, []);
});

test('a settings package whose __init__ sets nothing: the module no sibling imports is the one judged', async () => {
  const { project } = await analyzeFiles({
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage('mysite.settings'),
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': `SECRET_KEY = "literal"\n${SETTINGS}`,
    'mysite/settings/local.py': 'from .base import *\nDEBUG = True\n',
    'mysite/settings/production.py': 'from .base import *\nDEBUG = False\n',
  });
  assert.equal(project.apps[0].settings?.file, 'mysite/settings/production.py');
  assert.equal(project.apps[0].settings?.module, 'mysite.settings.production');
  // A package __init__ that does set the settings stays the module.
  const full = await analyzeFiles({
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage('mysite.settings'),
    'mysite/settings/__init__.py': 'from .base import *\n',
    'mysite/settings/base.py': SETTINGS,
    'mysite/settings/production.py': 'from .base import *\n',
  });
  assert.equal(full.project.apps[0].settings?.file, 'mysite/settings/__init__.py');
});

test("the settings of the wsgi module the server serves come before manage.py's default", async () => {
  const files = {
    'manage.py': manage('config.settings.local'),
    'config/__init__.py': '',
    'config/wsgi.py':
      'import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\napplication = get_wsgi_application()\n',
    'config/settings/__init__.py': '',
    'config/settings/base.py': SETTINGS,
    'config/settings/local.py': 'from .base import *\nDEBUG = True\n',
    'config/settings/production.py': 'from .base import *\nDEBUG = False\n',
  };
  const served = await analyzeFiles({
    ...files,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "config.wsgi:application"]\n',
  });
  assert.equal(served.project.apps[0].settings?.file, 'config/settings/production.py');
  // runserver goes through manage.py, so its default stays.
  const dev = await analyzeFiles({
    ...files,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
  });
  assert.equal(dev.project.apps[0].settings?.file, 'config/settings/local.py');
});

test('an image-only app service is matched by the image name the repository builds', async () => {
  const { project } = await analyzeFiles({
    'docker-compose.yml': 'services:\n  web:\n    build: ./app\n    image: me/mysite\n',
    'docker-compose.prod.yml':
      'services:\n  web:\n    image: me/mysite:1.2\n  proxy:\n    image: nginx:1.25\n  db:\n    image: postgres:16\n',
    'app/Dockerfile': PY_DOCKERFILE,
    'app/manage.py': manage(),
    'app/mysite/settings.py': SETTINGS,
  });
  const prod = project.apps.find((a) => a.compose?.files.includes('docker-compose.prod.yml'));
  assert.equal(prod?.compose?.appService?.name, 'web');
  assert.equal(prod?.dockerfile?.file, 'app/Dockerfile');
  assert.equal(prod?.context?.dir, 'app');
});

test('an image-only app service is matched by `docker build -t` in a script', async () => {
  const { project } = await analyzeFiles({
    'compose.yaml':
      'services:\n  app:\n    image: registry.example.com/shop:latest\n  db:\n    image: postgres:16\n',
    'scripts/build.sh':
      '#!/bin/sh\nset -e\ndocker build -t registry.example.com/shop:$(git rev-parse HEAD) -t registry.example.com/shop:latest -f docker/Dockerfile .\n',
    'docker/Dockerfile': PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(summary(project), [
    {
      dir: '.',
      dockerfile: 'docker/Dockerfile',
      context: '.',
      settings: 'mysite/settings.py',
      compose: 'app',
    },
  ]);
});

test('an image-only app service is the one mounting the project, or the only candidate for the only project', async () => {
  const mounted = await analyzeFiles({
    'compose.yaml':
      'services:\n  web:\n    image: me/a:1\n    volumes:\n      - ./src:/code\n  docs:\n    image: me/docs:1\n',
    'src/Dockerfile': PY_DOCKERFILE,
    'src/manage.py': manage(),
    'src/mysite/settings.py': SETTINGS,
  });
  assert.equal(mounted.project.apps[0].compose?.appService?.name, 'web');
  assert.equal(mounted.project.apps[0].dockerfile?.file, 'src/Dockerfile');
  const only = await analyzeFiles({
    'compose.yaml':
      'services:\n  db:\n    image: postgres:16\n  site:\n    image: me/site:1\n  proxy:\n    image: nginx\n',
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  });
  assert.equal(only.project.apps.length, 1);
  assert.equal(only.project.apps[0].compose?.appService?.name, 'site');
  // Two services that could each be the app, and no other sign: none is guessed.
  const two = await analyzeFiles({
    'compose.yaml': 'services:\n  a:\n    image: me/a:1\n  b:\n    image: me/b:1\n',
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
  });
  assert.equal(two.project.apps[0].compose?.appService, undefined);
});

test('a Django project outside every analysed image is skipped with the reason, not judged as an app', async () => {
  const { project } = await analyzeFiles({
    'app/Dockerfile': PY_DOCKERFILE,
    'app/manage.py': manage(),
    'app/mysite/settings.py': SETTINGS,
    'mysite-archive/manage.py': manage(),
    'mysite-archive/mysite/settings.py': "SECRET_KEY = 'django-insecure-x'\nDEBUG = True\n" + SETTINGS,
  });
  assert.deepEqual(
    summary(project).map((a) => a.dir),
    ['app'],
  );
  assert.deepEqual(project.skippedProjects, [
    {
      managePy: 'mysite-archive/manage.py',
      reason: 'no Dockerfile or compose service analysed here builds it',
    },
  ]);
  assert.deepEqual(analysedScope(project).apps, [
    { dir: 'app', dockerfile: 'app/Dockerfile', settings: 'app/mysite/settings.py' },
  ]);
});

test('a Dockerfile in a subdirectory whose own files show it is built from there is no Django app: skipped, named', async () => {
  const scheduler =
    'FROM python:3.12-alpine\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\nCMD [ "python", "-u", "src/server.py" ]\n';
  const { project } = await analyzeFiles({
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
    'requirements.txt': 'Django==5.0.6\n',
    'scheduler/Dockerfile': scheduler,
    'scheduler/requirements.txt': 'apscheduler==3.10.4\n',
    'scheduler/src/server.py': 'print("tick")\n',
  });
  assert.deepEqual(
    summary(project).map((a) => a.dockerfile),
    ['Dockerfile'],
  );
  assert.deepEqual(project.skippedProjects, [
    {
      dockerfile: 'scheduler/Dockerfile',
      reason: 'its build context is scheduler/, which holds no Django project',
    },
  ]);
  // The report lists it once: under the Dockerfiles judged by the Dockerfile rules only.
  assert.deepEqual(analysedScope(project), {
    apps: analysedScope(project).apps,
    otherDockerfiles: ['scheduler/Dockerfile'],
  });

  // The same Dockerfile that names the project's files (built from the root) stays an app of the project.
  const fromRoot = await analyzeFiles({
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
    'requirements.txt': 'Django==5.0.6\n',
    'docker/Dockerfile':
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY mysite mysite\nCOPY manage.py .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker/entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
  });
  assert.deepEqual(
    summary(fromRoot.project).map((a) => [a.dockerfile, a.context]),
    [['docker/Dockerfile', '.']],
  );
});

test('production variants no compose file builds are apps of their own beside the runner compose builds', async () => {
  const { project } = await analyzeFiles({
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: python manage.py runserver\n',
    Dockerfile: PY_DOCKERFILE,
    'production.Dockerfile': PY_DOCKERFILE,
    'Dockerfile.prod': PY_DOCKERFILE,
    'gitpod.Dockerfile': PY_DOCKERFILE,
    'manage.py': manage(),
  });
  assert.deepEqual(
    project.apps.map((a) => [a.dockerfile?.file, a.compose?.files ?? []]),
    [
      ['Dockerfile', ['docker-compose.yml']],
      ['Dockerfile.prod', []],
      ['production.Dockerfile', []],
    ],
  );
});

test('a root compose file runs the image of the app below it; images named for nginx or postgres by a word are not the app', async () => {
  const { project } = await analyzeFiles({
    'docker-compose.yaml': [
      'services:',
      '  edge:',
      '    image: me/site-local-nginx:1',
      '  backend:',
      '    image: me/site:1',
      '    entrypoint: ["/bin/sh", "-c"]',
      '    command: ["./wait-for-it.sh -t 60 db:5432 -- ./start.sh"]',
      '  db:',
      '    image: me/site-postgres:1',
      '',
    ].join('\n'),
    'app/Dockerfile': PY_DOCKERFILE,
    'app/manage.py': manage(),
    'app/mysite/settings.py': SETTINGS,
    'app/wait-for-it.sh': '#!/bin/sh\nexec "$@"\n',
    'app/start.sh': '#!/bin/sh\npython manage.py migrate\nexec gunicorn mysite.wsgi\n',
  });
  assert.deepEqual(summary(project), [
    {
      dir: 'app',
      dockerfile: 'app/Dockerfile',
      context: 'app',
      settings: 'app/mysite/settings.py',
      compose: 'backend',
    },
  ]);
  assert.equal(project.apps[0].compose?.services.find((s) => s.name === 'db')?.role, 'postgres');
  // The script after `--` of the waiter, run by `sh -c` from the compose entrypoint, is followed.
  assert.deepEqual(
    project.apps[0].entrypointScripts.map((s) => s.file),
    ['app/wait-for-it.sh', 'app/start.sh'],
  );
});

test('an image-only app service is matched as written when a variable is part of its image, or by the directory it is named for', async () => {
  const written = await analyzeFiles({
    'docker-compose.prod.yml':
      'services:\n  api:\n    image: $HUB/club_api:$TAG\n  web:\n    image: ${HUB}/club_web:${TAG}\n',
    'push.sh':
      '#!/bin/sh\ndocker build -t $HUB/club_web:$TAG web\ndocker build -t ${HUB}/club_api:${TAG} -f backend/Dockerfile backend\n',
    'web/Dockerfile': 'FROM nginx:1.27\n',
    'backend/Dockerfile': PY_DOCKERFILE,
    'backend/manage.py': manage(),
    'backend/mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(
    written.project.apps.map((a) => [a.dockerfile?.file, a.compose?.appService?.name]),
    [['backend/Dockerfile', 'api']],
  );
  const named = await analyzeFiles({
    'compose.production.yaml':
      'services:\n  frontend:\n    image: me/shop_frontend:1\n  backend:\n    image: me/shop_backend:1\n',
    'frontend/Dockerfile': 'FROM node:20\nRUN npm ci\n',
    'backend/Dockerfile': PY_DOCKERFILE,
    'backend/manage.py': manage(),
    'backend/mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(
    named.project.apps.map((a) => [a.dockerfile?.file, a.compose?.appService?.name]),
    [['backend/Dockerfile', 'backend']],
  );
});

test('a compose file with no app service is an entry of its own: its compose file, no Dockerfile, no settings', async () => {
  const { project } = await analyzeFiles({
    Dockerfile: PY_DOCKERFILE,
    'docker-compose.yml': 'services:\n  web:\n    build: .\n',
    '_development/docker-compose.yml':
      'services:\n  postgres:\n    image: postgres:16\n  redis:\n    image: redis:7\n',
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(analysedScope(project).apps, [
    {
      dir: '.',
      dockerfile: 'Dockerfile',
      composeFiles: ['docker-compose.yml'],
      settings: 'mysite/settings.py',
    },
    { dir: '_development', composeFiles: ['_development/docker-compose.yml'] },
  ]);
});

test('a Python image a Makefile builds by name, from a directory the project is copied into, is an app of the only project', async () => {
  const { project } = await analyzeFiles({
    'docker/dev/Dockerfile': PY_DOCKERFILE,
    'docker/dev/Makefile': 'build:\n\tcp -r ../../src .\n\tdocker build -t site:dev-v${VERSION} .\n',
    'docker/nginx/Dockerfile': 'FROM nginx:1.27\n',
    'src/manage.py': manage(),
    'src/mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(summary(project), [
    {
      dir: 'src',
      dockerfile: 'docker/dev/Dockerfile',
      context: 'docker/dev',
      settings: 'src/mysite/settings.py',
      compose: undefined,
    },
  ]);
});

test('an nginx image a script builds by name, mentioning gunicorn in a comment, is no app', async () => {
  const { project } = await analyzeFiles({
    'webserver/Dockerfile':
      'FROM node:20 AS build\nRUN npm ci\n# the proxy hands /api to the gunicorn (Django) server\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html\n',
    'push.sh': '#!/bin/sh\ndocker build -t me/web:1 -f webserver/Dockerfile .\n',
    'backend/Dockerfile': PY_DOCKERFILE,
    'backend/manage.py': manage(),
    'backend/mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(
    project.apps.map((a) => a.dockerfile?.file),
    ['backend/Dockerfile'],
  );
});

test('CI files are not compose files: GitLab CI (top-level services: a list of images) and others are never read as one', async () => {
  const { project, findings } = await analyzeFiles({
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
    '.gitlab-ci.yml':
      'image: python:3.12\nservices:\n  - postgres:15\nvariables:\n  POSTGRES_DB: test\ntest:\n  image: python:3.12\n  script:\n    - python manage.py test\n',
    'bitbucket-pipelines.yml':
      'image: python:3.12\npipelines:\n  default:\n    - step:\n        services:\n          - postgres\n',
    'ci/compose.yaml': 'services:\n  web:\n    build: ..\n',
  });
  assert.deepEqual(
    project.apps.map((a) => a.compose?.files ?? []),
    [['ci/compose.yaml']],
  );
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'TF0001').map((f) => f.file),
    [],
  );
});

test('an image-only service named like an app in one word (mywebapp, myfirstapp) is the app of the only project', async () => {
  const files = (name: string, image: string) => ({
    'compose.yaml': `services:\n  ${name}:\n    image: ${image}\n    depends_on:\n      - db\n  db:\n    image: mysql:8.0\n`,
    'site/Dockerfile': PY_DOCKERFILE,
    'site/manage.py': manage(),
    'site/mysite/settings.py': SETTINGS,
  });
  const app = await analyzeFiles(files('mywebapp', 'someone/myfirstapp:base-image'));
  assert.equal(app.project.apps[0].compose?.appService?.name, 'mywebapp');
  // A tool's image whose name only contains `app` inside a word is still no app.
  const tool = await analyzeFiles(files('mailer', 'someone/appmailer:1'));
  assert.equal(tool.project.apps[0].compose?.appService, undefined);
});

test('a third-party image that mounts the code is not the app service: not built here, running no Python, named for no app', async () => {
  const result = await analyzeFiles({
    'docker-compose.yml': [
      'services:',
      '  db:',
      '    image: postgres:16',
      '  wkhtmltopdf:',
      '    image: openlabs/docker-wkhtmltopdf-aas',
      '    ports:',
      '      - "5001:80"',
      '    volumes:',
      '      - .:/code',
      '',
    ].join('\n'),
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /code\nCOPY . .\nUSER nobody\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]\n',
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  });
  // The image is judged on its own; the compose file, with no app service, service by service.
  assert.deepEqual(
    result.project.apps.map((a) => [a.dockerfile?.file, a.compose?.appService?.name]),
    [
      ['Dockerfile', undefined],
      [undefined, undefined],
    ],
  );
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0503').map((f) => f.file),
    [],
  );
  // Its command running no Python is as clear: `command:` given, wkhtmltopdf's own server.
  const withCommand = await analyzeFiles({
    'docker-compose.yml':
      'services:\n  web:\n    image: some/pdf-service:2\n    command: ["/bin/pdfd", "--port", "80"]\n    volumes:\n      - .:/code\n',
    Dockerfile: PY_DOCKERFILE,
    'manage.py': manage(),
    'mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(
    withCommand.project.apps.map((a) => a.compose?.appService?.name),
    [undefined, undefined],
  );
});

test('a data-only container (VOLUMEs, `true`) is no app; the app keeps MEDIA_ROOT on the volumes it gets through volumes_from', async () => {
  const files = (volumesFrom: boolean) => ({
    'manage.py': manage(),
    'mysite/settings.py': `${SETTINGS}MEDIA_ROOT = "/media"\n`,
    Dockerfile: PY_DOCKERFILE,
    'deploy/data/Dockerfile':
      'FROM python:3.12-slim\nRUN mkdir -p /media /static\nVOLUME /media /static\nCMD ["true"]\n',
    'docker-compose.yml': `version: "2"\nservices:\n  data:\n    build: deploy/data\n  web:\n    build: .\n    command: gunicorn mysite.wsgi\n${volumesFrom ? '    volumes_from:\n      - data\n' : ''}`,
  });
  const result = await analyzeFiles(files(true));
  assert.deepEqual(summary(result.project), [
    { dir: '.', dockerfile: 'Dockerfile', context: '.', settings: 'mysite/settings.py', compose: 'web' },
  ]);
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0602').map((f) => f.line),
    [],
  );
  // Without volumes_from, /media is a plain directory of the app's image.
  const without = await analyzeFiles(files(false));
  assert.deepEqual(
    without.findings.filter((f) => f.ruleId === 'TF0602').map((f) => [f.file, f.line]),
    [['mysite/settings.py', 3]],
  );
});

test('a hyphenated settings module (webapp.settings-prod) is loaded by importlib, so it is resolved like any other', async () => {
  const files = {
    'web/Dockerfile': PY_DOCKERFILE.replace('mysite.wsgi', 'webapp.wsgi'),
    'web/manage.py': manage('webapp.settings-dev'),
    'web/webapp/__init__.py': '',
    'web/webapp/settings.py': SETTINGS,
    'web/webapp/settings-dev.py': 'from .settings import *\nDEBUG = True\n',
    'web/webapp/settings-prod.py': 'from .settings import *\nDEBUG = False\n',
    'docker-compose.yml':
      'services:\n  webapp:\n    build: ./web\n    environment:\n      - DJANGO_SETTINGS_MODULE=webapp.settings-prod\n',
  };
  const app = (await analyzeFiles(files)).project.apps[0];
  assert.equal(app.settings?.file, 'web/webapp/settings-prod.py');
  assert.equal(app.settings?.module, 'webapp.settings-prod');
  const { 'docker-compose.yml': _compose, ...noComposeFiles } = files;
  const noCompose = await analyzeFiles(noComposeFiles);
  assert.equal(noCompose.project.apps[0].settings?.file, 'web/webapp/settings-dev.py');
});

test('two Django projects in one image: the one the start command runs in (cd, --chdir, a manage.py path) is the app', async () => {
  const twoProjects = (start: Record<string, string>) =>
    analyzeFiles({
      'blog/manage.py': manage('blog.settings'),
      'blog/blog/settings.py': SETTINGS,
      'shop/manage.py': manage('shop.settings'),
      'shop/shop/settings.py': SETTINGS,
      ...start,
    });
  const dockerfile = (cmd: string) => `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ${cmd}\n`;
  const starts: [string, Record<string, string>][] = [
    [
      'cd in sh -c',
      { Dockerfile: dockerfile('["sh", "-c", "cd shop && exec gunicorn shop.wsgi:application"]') },
    ],
    [
      'cd in a start script, absolute',
      {
        Dockerfile: dockerfile('["/app/start.sh"]'),
        'start.sh': '#!/bin/sh\ncd /app/shop && python manage.py migrate\nexec gunicorn shop.wsgi\n',
      },
    ],
    ['gunicorn --chdir', { Dockerfile: dockerfile('["gunicorn", "--chdir", "shop", "shop.wsgi"]') }],
    [
      'a compose command naming manage.py by its path',
      {
        Dockerfile: dockerfile('["gunicorn", "blog.wsgi"]'),
        'compose.yaml':
          'services:\n  web:\n    build: .\n    command: python shop/manage.py runserver 0.0.0.0:8000\n',
      },
    ],
  ];
  for (const [name, start] of starts) {
    const { project } = await twoProjects(start);
    assert.deepEqual(
      project.apps.map((a) => [a.dir, a.managePy, a.settings?.file]),
      [['shop', 'shop/manage.py', 'shop/shop/settings.py']],
      name,
    );
    assert.deepEqual(
      project.skippedProjects,
      [
        {
          managePy: 'blog/manage.py',
          reason: 'inside the build context of Dockerfile, whose app is shop/manage.py',
        },
      ],
      name,
    );
  }
  // Nothing names a directory: the first project stays the app, as before.
  const { project } = await twoProjects({ Dockerfile: dockerfile('["gunicorn", "shop.wsgi"]') });
  assert.deepEqual(
    project.apps.map((a) => a.managePy),
    ['blog/manage.py'],
  );
});
