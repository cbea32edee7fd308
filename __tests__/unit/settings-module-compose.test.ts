import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';

/** An image that sets the production module and serves gunicorn; dev.py and prod.py beside each other. */
const PROJECT = {
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.prod')\n",
  'config/__init__.py': '',
  'config/settings/__init__.py': '',
  'config/settings/dev.py': 'INSTALLED_APPS = []\nDEBUG = True\n',
  'config/settings/prod.py': "import os\nINSTALLED_APPS = []\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  Dockerfile: [
    'FROM python:3.12-slim',
    'ENV DJANGO_SETTINGS_MODULE=config.settings.prod',
    'WORKDIR /app',
    'COPY . .',
    'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "config.wsgi"]',
    '',
  ].join('\n'),
};

const settingsOf = async (files: Record<string, string>) =>
  (await analyzeFiles({ ...PROJECT, ...files })).project.apps.map((a) => a.settings?.file);

test('the image alone runs the module its ENV sets', async () => {
  assert.deepEqual(await settingsOf({}), ['config/settings/prod.py']);
});

test("compose's --settings on the command its app service runs wins over the image's ENV", async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    command: python manage.py runserver 0.0.0.0:8000 --settings=config.settings.dev',
    '',
  ].join('\n');
  assert.deepEqual(await settingsOf({ 'docker-compose.yml': compose }), ['config/settings/dev.py']);
});

test("compose's --settings given as a separate word, in a sh -c after migrate", async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    command: sh -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8000 --settings config.settings.dev"',
    '',
  ].join('\n');
  assert.deepEqual(await settingsOf({ 'docker-compose.yml': compose }), ['config/settings/dev.py']);
});

test("compose's DJANGO_SETTINGS_MODULE wins over the image's ENV", async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    environment:',
    '      DJANGO_SETTINGS_MODULE: config.settings.dev',
    '',
  ].join('\n');
  assert.deepEqual(await settingsOf({ 'docker-compose.yml': compose }), ['config/settings/dev.py']);
});

test('a --settings the app service does not run (another service, or an image CMD compose replaces) is not taken', async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    command: gunicorn --bind 0.0.0.0:8000 config.wsgi',
    '  tests:',
    '    build: .',
    '    command: python manage.py test --settings=config.settings.dev',
    '',
  ].join('\n');
  assert.deepEqual(await settingsOf({ 'docker-compose.yml': compose }), ['config/settings/prod.py']);
});

test('a --settings given to a management command before the server is not what the server loads', async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    command: sh -c "python manage.py collectstatic --noinput --settings=config.settings.dev && gunicorn config.wsgi"',
    '',
  ].join('\n');
  assert.deepEqual(await settingsOf({ 'docker-compose.yml': compose }), ['config/settings/prod.py']);
});
