import type { RawFinding } from '../core/index.js';
import type { App } from '../model/types/project.js';
import { providedEnvironment } from '../model/settings/index.js';
import { defineRule } from './lib/rule.js';

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

The rule only reports a variable when a similarly named one is provided, and stays silent when the settings load a
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
      const candidates = [...provided.values.keys()].filter((name) => !read.has(name));
      const reported = new Set<string>();
      for (const r of settings.envReads) {
        if (
          !r.required ||
          provided.values.has(r.variable) ||
          reported.has(`${r.variable}\0${r.file}\0${r.line}`)
        )
          continue;
        const similar = candidates.filter((c) => similarNames(r.variable, c));
        if (similar.length === 0) continue;
        reported.add(`${r.variable}\0${r.file}\0${r.line}`);
        const names = similar.join(', ');
        findings.push({
          file: r.file ?? settings.file,
          line: r.line,
          message: `The settings require ${r.variable}, which neither ${provided.sources.join(' nor ')} provides; ${similar.length > 1 ? 'they provide' : 'it provides'} ${names} instead. Use the same name on both sides (rename ${r.variable} in the settings, or set ${r.variable} in the environment).`,
        });
      }
    }
    return findings;
  },
});

/** The settings load a .env file at run time and one reaches the image: variables may come from it. */
function loadsDotenvInImage(app: App): boolean {
  if (!app.settings?.dotenvLoads?.length) return false;
  const sent = app.context?.sentFiles;
  if (!sent) return true;
  return sent.some((f) => {
    const base = f.slice(f.lastIndexOf('/') + 1);
    return base.startsWith('.env') || base.endsWith('.env') || base === 'settings.ini';
  });
}

const SYNONYMS: Record<string, string> = {
  PASS: 'PASSWORD',
  PASSWD: 'PASSWORD',
  PWD: 'PASSWORD',
  PW: 'PASSWORD',
  USERNAME: 'USER',
  USR: 'USER',
  DATABASE: 'DB',
  POSTGRES: 'DB',
  POSTGRESQL: 'DB',
  PG: 'DB',
  PGSQL: 'DB',
  PSQL: 'DB',
  MYSQL: 'DB',
  MARIADB: 'DB',
  HOSTNAME: 'HOST',
  SERVER: 'HOST',
  ADDR: 'HOST',
  ADDRESS: 'HOST',
};

/** Words whose difference is meaningful: DB_HOST and DB_PORT are two settings, not a typo. */
const VOCABULARY = new Set([
  'DB',
  'USER',
  'PASSWORD',
  'HOST',
  'PORT',
  'NAME',
  'KEY',
  'SECRET',
  'TOKEN',
  'URL',
  'DEBUG',
  'ENGINE',
  'PATH',
  'DIR',
  'ROOT',
  'FILE',
  'LEVEL',
  'EMAIL',
  'CACHE',
  'REDIS',
  'BROKER',
  'TIMEOUT',
  'ID',
  'SSL',
  'MODE',
  'ENV',
  'ALLOWED',
  'HOSTS',
  'ORIGINS',
  'TEST',
]);

function tokens(name: string): string[] {
  const words = name
    .toUpperCase()
    .split('_')
    .filter((w) => w !== '')
    .map((w) => SYNONYMS[w] ?? w);
  // DJANGO_SECRET_KEY and SECRET_KEY name the same thing.
  return words.length > 1 && (words[0] === 'DJANGO' || words[0] === 'APP') ? words.slice(1) : words;
}

/** Same words after synonyms (DB_PASS ~ DB_PASSWORD, POSTGRES_USER ~ DB_USER), or a typo of up to two letters. */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return false;
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.join('_') === tb.join('_')) return true;
  const na = a.toUpperCase().replaceAll('_', '');
  const nb = b.toUpperCase().replaceAll('_', '');
  if (Math.min(na.length, nb.length) < 6 || editDistance(na, nb) > 2) return false;
  if (ta.length === tb.length)
    for (let i = 0; i < ta.length; i++)
      if (ta[i] !== tb[i] && VOCABULARY.has(ta[i]) && VOCABULARY.has(tb[i])) return false;
  return true;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
