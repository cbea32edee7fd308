import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const DJANGO = {
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nDEBUG = False\n",
  'requirements.txt': 'django==5.0.6\ngunicorn==22.0.0\ncelery==5.4.0\n',
  '.dockerignore': '.git\n.env\n',
  Dockerfile: [
    'FROM python:3.12-slim',
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN pip install -r requirements.txt',
    'COPY . .',
    'USER app',
    'HEALTHCHECK CMD python -c "print(1)"',
    'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    '',
  ].join('\n'),
};

test('a base in a subdirectory that builds nothing still gives the app service its environment and ports', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': [
      'services:',
      '  web:',
      '    build: .',
      '    extends: { file: deploy/docker/web.yml, service: web }',
      '',
    ].join('\n'),
    'deploy/docker/web.yml': [
      'services:', //1
      '  web:', //2
      '    environment:', //3
      '      SECRET_KEY: "k9#2v!x8-literal"', //4
      '      DB_PASSWORD: s3cr3t-db-pass', //5
      '    ports:', //6
      '      - "8000:8000"', //7
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0307'), [
    ['deploy/docker/web.yml', 4],
    ['deploy/docker/web.yml', 5],
  ]);
  assert.deepEqual(findingsOf(result, 'TF0701'), []);
  assert.deepEqual(
    result.project.apps.map((a) => a.compose?.files),
    [['docker-compose.yml']],
  );
});
