import { sourceMountedOverImage } from '../../src/rules/TF0503-source-mounted-over-image.js';
import { appCopiedToApp, composeRuleCases, dockerfile, stage, y } from '../support/compose-rule-cases.js';

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
    name: 'a target from an unset variable (/${API}) is shown as written',
    compose: y('services:', '  web:', '    build: .', '    volumes:', '      - .:/${API}'),
    app: appCopiedToApp,
    expect: ['compose.yaml:5'],
    messages: [/bind-mounts '\.' over \/\$\{API\}, where the image holds the code/],
  },
]);
