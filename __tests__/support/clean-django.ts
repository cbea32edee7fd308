// A small Django project with a clean image (pinned requirements, USER, HEALTHCHECK, exec-form gunicorn): the
// compose tests add compose files to it and expect findings only from those.

export function cleanDjango(options: { packages?: string[]; expose?: boolean } = {}): Record<string, string> {
  const packages = ['django==5.0.6', 'gunicorn==22.0.0', ...(options.packages ?? [])];
  return {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nDEBUG = False\n",
    'requirements.txt': `${packages.join('\n')}\n`,
    '.dockerignore': '.git\n.env\n',
    Dockerfile: [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN pip install -r requirements.txt',
      'COPY . .',
      'USER app',
      ...(options.expose ? ['EXPOSE 8000'] : []),
      'HEALTHCHECK CMD python -c "print(1)"',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
      '',
    ].join('\n'),
  };
}

/** A manage.py that sets mysite.settings, as startproject writes it. */
export const MANAGE_PY =
  "import os, sys\nif __name__ == '__main__':\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";

/** An app image no Dockerfile rule reports: pinned installs, USER, EXPOSE, HEALTHCHECK, exec-form gunicorn. */
export const CLEAN_DOCKERFILE = [
  'FROM python:3.12-slim',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN pip install --no-cache-dir -r requirements.txt',
  'COPY . .',
  'USER nobody',
  'EXPOSE 8000',
  'HEALTHCHECK CMD python -c "print(1)"',
  'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
  '',
].join('\n');
