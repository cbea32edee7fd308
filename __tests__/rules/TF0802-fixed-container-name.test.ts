import { fixedContainerName } from '../../src/rules/TF0802-fixed-container-name.js';
import { composeRuleCases, y } from '../support/compose-rule-cases.js';

composeRuleCases(fixedContainerName, [
  {
    name: 'container_name on the app',
    compose: y('services:', '  web:', '    build: .', '    container_name: mysite_web'),
    expect: ['compose.yaml:4'],
  },
  {
    name: 'container_name on the database only',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '  db:',
      '    image: postgres:16',
      '    container_name: db',
    ),
    expect: [],
  },
  {
    name: 'container_name on a worker that runs the image the app builds (replicas 2); the beat runs once',
    compose: y(
      'services:',
      '  app:',
      '    build: .',
      '    image: app-image',
      '    command: gunicorn mysite.wsgi -b 0.0.0.0:8000',
      '  celery_worker:',
      '    image: app-image',
      '    command: celery -A mysite worker -l info',
      '    container_name: celery_worker',
      '    deploy:',
      '      replicas: 2',
      '  celery_beat:',
      '    image: app-image',
      '    command: celery -A mysite beat -l info',
      '    container_name: celery_beat',
      '  flower:',
      '    image: app-image',
      '    command: celery -A mysite flower --port=5555',
      '    container_name: flower',
    ),
    expect: ['compose.yaml:9'],
    messages: [/Service 'celery_worker' sets container_name: celery_worker/],
  },
  {
    name: 'one container_name shared through an anchor names every service',
    compose: y(
      'x-app: &app',
      '  build: .',
      '  container_name: shop',
      'services:',
      '  web:',
      '    <<: *app',
      '  worker:',
      '    <<: *app',
      '    command: celery -A mysite worker',
    ),
    expect: ['compose.yaml:3'],
    messages: [/Services 'web', 'worker' set container_name: shop, so they cannot be scaled/],
  },
]);
