/** Examples that several rules' help shows, written once so the catalog says the same thing everywhere. */

/** The lines of a `.dockerignore` that keeps history, local env files, databases, virtualenvs and caches out of the image. */
export const DOCKERIGNORE_PATTERNS = `.git
.env*
!.env.example
*.sqlite3
**/__pycache__
venv
.venv
node_modules`;

/** What a Django image never needs: history, secrets, local databases and environments, caches. */
export const DEFAULT_DOCKERIGNORE = [
  '.git',
  '.env',
  '.env.*',
  '*.sqlite3',
  '**/*.sqlite3',
  'venv',
  '.venv',
  '**/__pycache__',
  '*.pyc',
  'node_modules',
];

/** A Dockerfile whose EXPOSE says the port its server binds. */
export const EXPOSE_EXAMPLE = `\`\`\`dockerfile
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``;
