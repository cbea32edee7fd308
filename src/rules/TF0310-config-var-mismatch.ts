import type { RawFinding } from '../core/index.js';
import type { App } from '../model/types/project.js';
import { providedEnvironment } from '../model/settings/index.js';
import { defineRule } from './lib/rule.js';
import { similarNames } from './lib/variable-names.js';
import {
  configurationOfEntry,
  databaseKeyOf,
  defaultDatabase,
  engineInContainer,
} from './lib/provided-config.js';

export const configVarMismatch = defineRule({
  id: 'TF0310',
  name: 'config-var-mismatch',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    "Settings require an environment variable (os.environ['X'], or os.environ.get('X') with no default used for a required value) that neither the Dockerfile nor the compose service of the app provides, while a similarly named one is provided (DB_PASS vs DB_PASSWORD)",
  help: `The settings read one name and the deployment sets another: \`os.environ["DB_PASS"]\` in settings.py,
\`DB_PASSWORD\` in docker-compose.yml. The container then fails at start with a \`KeyError\`, or, with
\`os.environ.get()\`, runs with \`None\` where a password or database name belongs and fails at the first query.
Neither file looks wrong on its own, which is why this survives review.

Use one name on both sides:

\`\`\`yaml
# docker-compose.yml
services:
  web:
    environment:
      DB_PASSWORD: \${DB_PASSWORD}
\`\`\`

\`\`\`python
# settings.py
DATABASES["default"]["PASSWORD"] = os.environ["DB_PASSWORD"]
\`\`\`

The rule only reports a variable when a similarly named one is provided (not one named for another server:
\`POSTGRES_PASSWORD\` is no counterpart of \`DB_PASSWORD\` for a MySQL entry), and stays silent when the settings load a
\`.env\` file that reaches the image or the compose service reads an env_file that is not in the repository.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const settings = app.settings;
      if (!settings || (!app.dockerfile?.targetStage && !app.compose?.appService)) continue;
      if (loadsDotenvInImage(app)) continue;
      const provided = providedEnvironment(app);
      if (!provided.complete) continue;
      const read = new Set(settings.envReads.map((r) => r.variable));
      const config = settings.databases ? defaultDatabase(settings.databases) : undefined;
      // MYSQL_PASSWORD is no counterpart of DB_PASSWORD for a PostgreSQL entry: it is another server's password.
      const candidates = configurationOfEntry(
        app,
        provided,
        [...provided.values.keys()].filter((name) => !read.has(name)),
        config && engineInContainer(config, provided),
      );
      const reported = new Set<string>();
      const databaseKeys = databaseKeysWithoutDefault(app);
      for (const r of settings.envReads) {
        const key = databaseKeys.get(r.variable);
        if (
          (!r.required && key === undefined) ||
          provided.values.has(r.variable) ||
          reported.has(`${r.variable}\0${r.file}\0${r.line}`)
        )
          continue;
        // `HOST = os.getenv("HOST")` given to DATABASES' HOST while DB_HOST is provided: the same key, another name.
        const similar = candidates.filter(
          (c) => similarNames(r.variable, c) || (key !== undefined && databaseKeyOf(c) === key),
        );
        if (similar.length === 0) continue;
        reported.add(`${r.variable}\0${r.file}\0${r.line}`);
        const names = similar.join(', ');
        const use = key === undefined ? '' : ` for the database's ${key}, without a default`;
        findings.push({
          file: r.file ?? settings.file,
          line: r.line,
          message: `The settings require ${r.variable}${use}, which neither ${provided.sources.join(' nor ')} provides; ${similar.length > 1 ? 'they provide' : 'it provides'} ${names} instead. Use the same name on both sides (rename ${r.variable} in the settings, or set ${r.variable} in the environment).`,
        });
      }
    }
    return findings;
  },
});

/**
 * Variables the default database of a server engine takes a connection key from with no default (`"HOST": HOST`,
 * `HOST = os.getenv("HOST")`), by the key: unset, the app connects with None there.
 */
function databaseKeysWithoutDefault(app: App): Map<string, string> {
  const keys = new Map<string, string>();
  const db = app.settings?.databases;
  const config = db ? defaultDatabase(db) : undefined;
  if (!config?.engine || config.engine.endsWith('sqlite3')) return keys;
  for (const key of ['HOST', 'NAME', 'USER', 'PASSWORD']) {
    const v = config.fields[key];
    if (v?.kind === 'env' && v.fallback === undefined && !v.selects?.length && !v.prefix && !v.suffix)
      keys.set(v.variable, key);
  }
  return keys;
}

/** The settings load a .env file at run time and one reaches the image: variables may come from it. */
function loadsDotenvInImage(app: App): boolean {
  if (!app.settings?.dotenvLoads?.length) return false;
  const sent = app.context?.sentFiles;
  if (!sent) return true;
  return sent.some((f) => {
    const base = f.slice(f.lastIndexOf('/') + 1);
    return base.startsWith('.env') || base.endsWith('.env') || base === 'settings.ini' || base === 'app.ini';
  });
}
