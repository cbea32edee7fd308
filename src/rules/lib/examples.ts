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

/** A Dockerfile whose EXPOSE says the port its server binds. */
export const EXPOSE_EXAMPLE = `\`\`\`dockerfile
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``;
