// Writes COUNT small containerised Django projects under DIR, one per subdirectory (p-000, p-001, ...), the same
// bytes for the same COUNT and SEED on every machine: the many-project inputs of `npm run bench`.
// Usage: node scripts/gen-projects.mjs DIR COUNT [SEED]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A small deterministic generator (mulberry32): Math.random would make every benchmark tree different. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MANAGE_PY = `#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
`;

const WSGI_PY = `import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
application = get_wsgi_application()
`;

function settings(pick) {
  const secret = pick([
    '"django-insecure-0123456789abcdef"',
    'os.environ["SECRET_KEY"]',
    'os.getenv("SECRET_KEY")',
  ]);
  const debug = pick(['True', 'os.environ.get("DEBUG", "") == "1"', 'False']);
  const hosts = pick(['["*"]', 'os.environ.get("ALLOWED_HOSTS", "localhost").split(",")', '["localhost"]']);
  const database = pick([
    `{"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}`,
    `{
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "app"),
        "USER": os.environ.get("DB_USER", "app"),
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": os.environ.get("DB_PORT", "5432"),
    }
}`,
    `{"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app", "USER": "app", "PASSWORD": "secret", "HOST": "db"}}`,
  ]);
  const logging = pick([
    '',
    `
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
`,
    `
LOGGING = {
    "version": 1,
    "handlers": {"file": {"class": "logging.FileHandler", "filename": "/app/app.log"}},
    "root": {"handlers": ["file"], "level": "INFO"},
}
`,
  ]);
  return `import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = ${secret}
DEBUG = ${debug}
ALLOWED_HOSTS = ${hosts}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
]
ROOT_URLCONF = "mysite.urls"
WSGI_APPLICATION = "mysite.wsgi.application"
DATABASES = ${database}
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
${logging}`;
}

function dockerfile(pick) {
  const base = pick(['python:3.12-slim', 'python:3.12', 'python:latest', 'python']);
  const install = pick([
    'RUN pip install --no-cache-dir -r requirements.txt',
    'RUN pip install -r requirements.txt && pip install gunicorn',
    'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\\n    && pip install --no-cache-dir -r requirements.txt',
  ]);
  const user = pick(['', 'RUN useradd --create-home app\nUSER app\n']);
  const migrate = pick([
    '',
    'RUN python manage.py migrate\n',
    'RUN python manage.py collectstatic --noinput\n',
  ]);
  const cmd = pick([
    'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
    'CMD python manage.py runserver 0.0.0.0:8000',
    'CMD ["sh", "-c", "python manage.py migrate && gunicorn --bind 0.0.0.0:8000 mysite.wsgi"]',
    'CMD gunicorn --bind 127.0.0.1:8000 mysite.wsgi > /app/server.log',
  ]);
  return `FROM ${base}
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
${install}
COPY . .
${migrate}${user}EXPOSE ${pick(['8000', '8080'])}
${cmd}
`;
}

function compose(pick) {
  const db = pick(['postgres:16-alpine', 'postgres', 'postgres:latest']);
  const command = pick([
    '',
    '    command: sh -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"\n',
    '    command: gunicorn --bind 0.0.0.0:8000 mysite.wsgi\n',
  ]);
  const volumes = pick(['', '    volumes:\n      - .:/app\n']);
  return `services:
  web:
    build: .
${command}    ports:
      - "8000:8000"
    environment:
      SECRET_KEY: ${pick(['${SECRET_KEY:?set SECRET_KEY}', 'not-a-secret-123456'])}
      DB_HOST: db
      DB_PASSWORD: \${DB_PASSWORD:-postgres}
${volumes}    depends_on:
      - db
  db:
    image: ${db}
    environment:
      POSTGRES_PASSWORD: \${DB_PASSWORD:-postgres}
${pick(['', '    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n'])}`;
}

/** The files of project number `index`, as relative path → text. */
export function projectFiles(index, seed = 1) {
  const next = random(seed * 100_003 + index);
  const pick = (options) => options[Math.floor(next() * options.length)];
  const files = {
    'manage.py': MANAGE_PY,
    'mysite/__init__.py': '',
    'mysite/wsgi.py': WSGI_PY,
    'mysite/urls.py': 'from django.urls import path\n\nurlpatterns = []\n',
    'mysite/settings.py': settings(pick),
    'requirements.txt': pick([
      'Django==5.1.4\ngunicorn==23.0.0\npsycopg[binary]==3.2.3\n',
      'django\ngunicorn\npsycopg2\n',
    ]),
    Dockerfile: dockerfile(pick),
  };
  if (next() < 0.7) files['docker-compose.yml'] = compose(pick);
  if (next() < 0.5) files['.dockerignore'] = '.git\n__pycache__/\n*.pyc\ndb.sqlite3\n.env\n';
  return files;
}

/** Writes `count` projects under `dir` (p-000, p-001, ...) and returns their directories. */
export function generateProjects(dir, count, seed = 1) {
  const width = String(Math.max(count - 1, 0)).length;
  const dirs = [];
  for (let i = 0; i < count; i++) {
    const project = join(dir, `p-${String(i).padStart(Math.max(width, 3), '0')}`);
    for (const [file, text] of Object.entries(projectFiles(i, seed))) {
      const path = join(project, file);
      mkdirSync(resolve(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    dirs.push(project);
  }
  return dirs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !/^\d+$/.test(count ?? '')) {
    console.error('Usage: node scripts/gen-projects.mjs DIR COUNT [SEED]');
    process.exit(2);
  }
  generateProjects(resolve(dir), Number(count), seed ? Number(seed) : 1);
}
