import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceMountedOverImage } from '../../src/rules/TF0503-source-mounted-over-image.js';
import { appCopiedToApp, composeRuleCases, dockerfile, stage, y } from '../support/compose-rule-cases.js';
import { analyzeFiles } from '../support/analyze.js';
import { MANAGE } from '../support/context-rule-cases.js';

composeRuleCases(sourceMountedOverImage, [
  {
    name: '.:/app over the code',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/app'),
    app: appCopiedToApp,
    expect: ['compose.yaml:5'],
  },
  {
    name: 'a worker and a beat mounting the source beside an app service that does not',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '  worker:',
      '    build: .',
      '    command: celery -A mysite worker',
      '    volumes:',
      '      - .:/app',
      '  beat:',
      '    build: .',
      '    command: celery -A mysite beat',
      '    volumes:',
      '      - .:/app',
    ),
    app: appCopiedToApp,
    expect: [],
  },
  {
    // The catalog's condition is the compose app service's mount: a worker's own mount line is not reported.
    name: "the app service's mount, named; a celery worker's own mount of the same image is not reported",
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - .:/app',
      '  worker:',
      '    build: .',
      '    command: celery -A mysite worker',
      '    volumes:',
      '      - .:/app',
    ),
    app: appCopiedToApp,
    expect: ['compose.yaml:5'],
    messages: [/^Service 'web' bind-mounts '\.' over \/app/],
  },
  {
    name: './media and static volumes are data, not code',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - ./media:/app/media',
      '      - static:/app/static',
    ),
    app: appCopiedToApp,
    expect: [],
  },
  {
    name: './:/app/ long syntax in the development override file: where the mount belongs',
    compose: {
      'compose.yaml': y('services:', '  web:', '    build: .'),
      'compose.override.yaml': y(
        'services:',
        '  web:',
        '    volumes:',
        '      - type: bind',
        '        source: ./',
        '        target: /app/',
      ),
    },
    app: appCopiedToApp,
    expect: [],
  },
  {
    name: './:/app/ long syntax, from a development file that is not the override',
    compose: {
      'compose.yaml': y('services:', '  web:', '    build: .'),
      'compose.dev.yaml': y(
        'services:',
        '  web:',
        '    volumes:',
        '      - type: bind',
        '        source: ./',
        '        target: /app/',
      ),
    },
    app: appCopiedToApp,
    expect: ['compose.dev.yaml:4'],
  },
  {
    name: 'the build context from a compose file in a subdirectory',
    compose: {
      'docker/compose.yaml': y(
        'services:',
        '  web:',
        '    build: ../src',
        '    volumes:',
        '      - ../src:/srv/app',
      ),
    },
    app: { dir: 'src', dockerfile: dockerfile(stage({ workdir: '/srv/app', copyTo: ['/srv/app'] })) },
    expect: ['docker/compose.yaml:5'],
  },
  {
    name: 'without knowing where the image holds the code, stay silent',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/app'),
    expect: [],
  },
  {
    name: 'a code-less image (requirements only) running the project mounted from the repository',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/app'),
    app: { managePy: 'manage.py', dockerfile: dockerfile(stage({ workdir: '/app', copyTo: ['/tmp'] })) },
    expect: ['compose.yaml:5'],
  },
  {
    name: 'requirements copied to the working directory, no Python file: the image holds no code',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/app'),
    app: {
      managePy: 'manage.py',
      imageHoldsPython: false,
      context: {
        dir: '.',
        files: ['manage.py', 'requirements.txt'],
        sentFiles: ['manage.py', 'requirements.txt'],
      },
      dockerfile: dockerfile(stage({ workdir: '/app', copyTo: ['/app'] })),
    },
    expect: ['compose.yaml:5'],
    messages: [/'\.' at \/app, and the image holds no code of its own.*\(COPY \. \/app\)/],
  },
  {
    name: 'a code-less image built from a tooling directory, the code mounted from outside its context',
    compose: y('services:', '  web:', '    build: docker', '    volumes:', '      - ./src:/code'),
    app: {
      dir: 'src',
      managePy: 'src/manage.py',
      context: { dir: 'docker', files: ['Dockerfile'], sentFiles: ['Dockerfile'] },
      dockerfile: dockerfile(stage({ workdir: '/code', copyTo: ['/tmp'] })),
    },
    expect: ['compose.yaml:5'],
    messages: [
      /The code \('src'\) is outside the image's build context \('docker'\), so no COPY can take it/,
    ],
  },
  {
    name: 'a code-less image with only a data directory mounted',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - ./media:/app/media'),
    app: { managePy: 'manage.py', dockerfile: dockerfile(stage({ workdir: '/app', copyTo: ['/tmp'] })) },
    expect: [],
  },
  {
    name: 'a code-less image with the project mounted off its working directory',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/code'),
    app: { managePy: 'manage.py', dockerfile: dockerfile(stage({ workdir: '/app', copyTo: ['/tmp'] })) },
    expect: [],
  },
  {
    // manage.py lives in bin/ with helper scripts copied there first; `COPY . .` puts the whole project in /code.
    name: 'manage.py in a subdirectory of the mounted project: the message names the project copy, not that subdirectory',
    compose: y('services:', '  web:', '    build: webserver', '    volumes:', '      - ./webserver:/code'),
    app: {
      dir: 'webserver/bin',
      managePy: 'webserver/bin/manage.py',
      imageSourceDir: '/code/bin',
      dockerfile: dockerfile(stage({ workdir: '/code', copyTo: ['/code/bin', '/code'] })),
    },
    expect: ['compose.yaml:5'],
    messages: [/over \/code, where the image holds the code \(\/code\): the container runs/],
  },
  {
    name: 'the project mounted while the Dockerfile the service names is missing: reported, saying the image is unread',
    compose: y(
      'services:',
      '  web:',
      '    build:',
      '      context: .',
      '      dockerfile: Dockerfile.test',
      '    command: python manage.py runserver 0.0.0.0:8000',
      '    volumes:',
      '      - ./:/usr/src/app/',
      '      - ./media:/usr/src/app/media',
    ),
    app: { managePy: 'manage.py' },
    expect: ['compose.yaml:8'],
    messages: [
      /^Service 'web' bind-mounts '\.' at \/usr\/src\/app\/, the project with its manage\.py, and the image's Dockerfile \(Dockerfile\.test\) cannot be read, so what the image holds there is unknown: either way the container runs the host's files(?!.*where the image holds the code)/,
    ],
  },
  {
    name: 'the project mounted into a test runner whose Dockerfile is missing: what it runs is not the app server',
    compose: y(
      'services:',
      '  tests:',
      '    build:',
      '      context: .',
      '      dockerfile: Dockerfile.test',
      '    command: python manage.py test',
      '    volumes:',
      '      - .:/app',
    ),
    app: { managePy: 'manage.py' },
    expect: [],
  },
  {
    name: 'a data directory mounted while the Dockerfile is missing',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - ./media:/app/media'),
    app: { managePy: 'manage.py' },
    expect: [],
  },
  {
    name: 'a target from an unset variable (/${API}) is shown as written',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/${API}'),
    app: appCopiedToApp,
    expect: ['compose.yaml:5'],
    messages: [/bind-mounts '\.' over \/\$\{API\}, where the image holds the code/],
  },
]);

const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n';

async function tf0503(files: Record<string, string>): Promise<string[]> {
  const result = await analyzeFiles({ 'manage.py': MANAGE, Dockerfile: DOCKERFILE, ...files });
  return result.findings.filter((f) => f.ruleId === 'TF0503').map((f) => f.message);
}

test('TF0503: a service running an image the repository does not build is not said to run the image that holds the code', async () => {
  const [message, ...rest] = await tf0503({
    'docker-compose.yml':
      'services:\n  web:\n    image: acme/django-runner:2\n    volumes:\n      - .:/app\n    entrypoint: /app/start.sh\n',
  });
  assert.equal(rest.length, 0);
  assert.doesNotMatch(message!, /where the image holds the code/);
  assert.match(message!, /runs the image 'acme\/django-runner:2', which no build of this repository makes/);
  assert.match(message!, /Keep this mount in a development-only override file\./);
});

test('TF0503: in a compose file named for development the mount is not sent to a development-only file', async () => {
  const [built, codeless] = [
    await tf0503({
      'docker-compose-dev.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n',
    }),
    await analyzeFiles({
      'manage.py': MANAGE,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'requirements.txt': 'Django==5.0.6\n',
      'compose.local.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n',
    }).then((r) => r.findings.filter((f) => f.ruleId === 'TF0503').map((f) => f.message)),
  ];
  assert.match(built[0]!, /where the image holds the code \(\/app\)/);
  assert.match(built[0]!, /docker-compose-dev\.yml is named for development/);
  assert.doesNotMatch(built[0]!, /development-only/);
  assert.match(codeless[0]!, /compose\.local\.yml is named for development/);
  assert.doesNotMatch(codeless[0]!, /development-only/);
});

test('TF0503: a bare image name no compose file builds is not said to be built by nothing; the server service is the app', async () => {
  const messages = await tf0503({
    'docker-compose.yml':
      'services:\n  setup:\n    image: mysite\n    command: python manage.py migrate\n    volumes:\n      - .:/app\n' +
      '  web:\n    image: mysite\n    entrypoint: python manage.py runserver\n    command: 0.0.0.0:8000\n    volumes:\n      - .:/app\n',
  });
  assert.equal(messages.length, 1);
  assert.match(messages[0]!, /^Service 'web' bind-mounts/);
  assert.doesNotMatch(messages[0]!, /no build of this repository makes/);
  assert.match(messages[0]!, /which no compose file here builds/);
});

test('TF0503: the default file is development because of the production file beside it, not by its name', async () => {
  const [message, ...rest] = await tf0503({
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n',
    'docker-compose.prod.yml': 'services:\n  web:\n    build: .\n',
  });
  assert.equal(rest.length, 0);
  assert.doesNotMatch(message!, /docker-compose\.yml is named for development/);
  assert.match(
    message!,
    /docker-compose\.yml is the default file, beside docker-compose\.prod\.yml, which is the production one/,
  );
});

test('TF0503: a COPY that a blank line joined to the RUN above is named, never asked for again as if missing', async () => {
  const result = await analyzeFiles({
    'src/manage.py': MANAGE,
    'src/requirements.txt': 'Django==5.0.6\n',
    Dockerfile:
      'FROM python:3.12-slim\nRUN apt-get update \\\n    && rm -rf /var/lib/apt/lists/* \\\n\nCOPY ./src/ /srv/app/\n' +
      'WORKDIR /srv/app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - ./src:/srv/app\n',
  });
  const [message, ...rest] = result.findings.filter((f) => f.ruleId === 'TF0503').map((f) => f.message);
  assert.equal(rest.length, 0);
  assert.match(message!, /line 5 of Dockerfile \(COPY \.\/src\/ \/srv\/app\/\) is no instruction/);
  assert.match(message!, /blank line 4 inside the RUN of line 2/);
  assert.match(message!, /Remove the blank line 4 so that the COPY runs/);
  assert.doesNotMatch(message!, /Copy the code into the image/);
});

test('TF0503: COPY sources missing from the build context are named: the image is not said to hold no code of its own', async () => {
  const result = await analyzeFiles({
    'backend/manage.py': MANAGE,
    'backend/requirements.txt': 'Django==5.0.6\n',
    'backend/Dockerfile':
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY backend/requirements.txt /app\nRUN pip install -r requirements.txt\n' +
      'COPY backend /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'backend/docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n',
  });
  const [message, ...rest] = result.findings.filter((f) => f.ruleId === 'TF0503').map((f) => f.message);
  assert.equal(rest.length, 0);
  assert.doesNotMatch(message!, /holds no code of its own/);
  assert.doesNotMatch(message!, /Copy the code into the image/);
  assert.match(
    message!,
    /copies 'backend\/requirements\.txt' \(line 3\), 'backend' \(line 5\), which are not in its build context \('backend'\), so the build fails/,
  );
});

test('TF0503 names the production file that runs the app among several named for production', async () => {
  const files = {
    'manage.py': MANAGE,
    'mysite/__init__.py': '',
    'mysite/settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n',
    'prod.yml': 'services:\n  web:\n    image: me/blog:1.0\n',
    'prod.certbot.yml': 'services:\n  nginx:\n    image: staticfloat/nginx-certbot:1.3\n',
  };
  const result = await analyzeFiles(files);
  const [f] = result.findings.filter((x) => x.ruleId === 'TF0503');
  assert.ok(f, 'TF0503 fires');
  assert.doesNotMatch(f.message, /prod\.certbot\.yml/);
  assert.match(f.message, /beside prod\.yml, which is the production one/);
});

test('TF0503: a production file layered on the base is said to run the mount only when its merge keeps it', async () => {
  const base = 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n';
  const [kept] = await tf0503({
    'docker-compose.yml': base,
    'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n',
  });
  assert.match(
    kept!,
    /docker-compose\.prod\.yml is layered on, so the production deploy runs this mount too/,
  );
  for (const volumes of ['!reset []', '!override\n      - media:/app/media']) {
    const [message, ...rest] = await tf0503({
      'docker-compose.yml': base,
      'docker-compose.prod.yml': `services:\n  web:\n    restart: always\n    volumes: ${volumes}\nvolumes:\n  media:\n`,
    });
    assert.equal(rest.length, 0);
    assert.doesNotMatch(message!, /production deploy runs this mount/);
  }
});
