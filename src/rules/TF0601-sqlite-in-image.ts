import { filesCopiedIntoImage, isSqliteFile } from './lib/files.js';
import { defineRule } from './lib/rule.js';

export const sqliteInImage = defineRule({
  id: 'TF0601',
  name: 'sqlite-in-image',
  factor: 'VI',
  severity: 'error',
  kind: 'S',
  title: 'An SQLite database file that exists in the context (*.sqlite3, db.sqlite3) reaches the image',
  help: `Processes are stateless: data lives in a backing service or a volume, never in the image. A \`db.sqlite3\` copied
into the image bakes one developer's data (users, sessions, password hashes) into every container, and whatever a
container writes to it is lost when the container is replaced. Keep the file out of the build context and put the
database on a volume (or use PostgreSQL).

\`\`\`
# .dockerignore
*.sqlite3
\`\`\`

\`\`\`python
# settings.py: the path comes from the environment and points into a volume
"NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3"),
\`\`\`
`,
  related: [],
  check(project) {
    return filesCopiedIntoImage(
      project,
      isSqliteFile,
      (names) =>
        `This instruction copies the SQLite database ${names} into the image. Add '*.sqlite3' (and '**/*.sqlite3' for nested ones) to .dockerignore and keep the database in a volume.`,
    );
  },
});
