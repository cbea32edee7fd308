import { volumeOverSource } from '../../src/rules/TF0605-volume-over-source.js';
import { appCopiedToApp, composeRuleCases, dockerfile, stage, y } from '../support/compose-rule-cases.js';

composeRuleCases(volumeOverSource, [
  {
    name: 'VOLUME /app in the target stage where the code is copied',
    app: {
      dockerfile: dockerfile(
        stage({ workdir: '/app', copyTo: ['/app'], volumes: [{ line: 9, paths: ['/app'] }] }),
      ),
    },
    expect: ['Dockerfile:9'],
  },
  {
    name: 'data volumes under the code dir, binds and anonymous volumes are fine',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - media:/app/media',
      '      - /app/node_modules',
      '      - .:/app',
    ),
    app: {
      ...appCopiedToApp,
      dockerfile: dockerfile(
        stage({ workdir: '/app', copyTo: ['/app'], volumes: [{ line: 9, paths: ['/app/media'] }] }),
      ),
    },
    expect: [],
  },
  {
    name: 'a named compose volume on the code dir',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - code:/app',
      'volumes:',
      '  code:',
    ),
    app: appCopiedToApp,
    expect: ['compose.yaml:5'],
  },
  {
    name: 'a named volume whose target comes from unset variables is not judged (not as the empty-filled /)',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    volumes:',
      '      - static:${STATIC_HOME}',
      '      - media:${APP_HOME}/media',
      '      - type: volume',
      '        source: uploads',
      '        target: ${UPLOADS_DIR}',
      'volumes:',
      '  static:',
      '  media:',
      '  uploads:',
    ),
    app: appCopiedToApp,
    expect: [],
  },
  {
    name: 'a WORKDIR that receives no code is not the code dir',
    app: { dockerfile: dockerfile(stage({ workdir: '/data', volumes: [{ line: 9, paths: ['/data'] }] })) },
    expect: [],
  },
]);
