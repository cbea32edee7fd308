import { containerEnv, isSecretName, startCommands } from '../model/command.js';
import {
  commandCredential,
  literalCredentials,
  type LiteralCredential,
  type PasswordClient,
} from '../model/credentials.js';
import type { RawFinding } from '../core/index.js';
import type { App } from '../model/types/project.js';
import { defineRule } from './lib/rule.js';
import { runsOnFirstStartOnly } from './lib/first-start.js';

export const secretInScript = defineRule({
  id: 'TF0311',
  name: 'secret-in-script',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    "An entrypoint or start script (any shell script the image's or compose's start command runs, followed through the chain, and the Python programs it runs: `python create_superuser.py`, a custom `manage.py` command), or the start command itself (a shell-form CMD, a compose `sh -c` command), carries a literal credential: createsuperuser/initadmin/changepassword with a password argument, create_superuser(…, 'pw') or through a local variable assigned a literal, DJANGO_SUPERUSER_PASSWORD=literal, export *PASSWORD*=literal",
  help: `A start script is part of the repository and of the image: a password written in it is readable by anyone
with either, is the same on every deploy, and is the password of an administrator account that exists on every
start. Create the superuser from the environment (Django's \`createsuperuser --noinput\` reads
\`DJANGO_SUPERUSER_USERNAME\`, \`DJANGO_SUPERUSER_EMAIL\` and \`DJANGO_SUPERUSER_PASSWORD\`), set by each deploy, or
once by hand as a one-off task.

\`\`\`sh
# instead of: export DJANGO_SUPERUSER_PASSWORD=admin
#             echo "User.objects.create_superuser('admin', 'a@example.com', 'admin')" | python manage.py shell
# the deploy sets DJANGO_SUPERUSER_PASSWORD; the script only reads it
python manage.py createsuperuser --noinput || true
\`\`\`

The same holds for a password written in the start command itself (a shell-form \`CMD\` or a compose \`command:\`
running \`manage.py shell -c "…create_superuser(…, 'admin123')"\`): it is in the Dockerfile or compose file, in every
image and in \`docker inspect\`.

A client's password is one too: \`mysqladmin -u root -psecret ping\` in a wait loop, \`mysql --password=secret\`
(the MySQL and MariaDB clients), \`redis-cli -a secret\`, \`mongosh --password secret\` (and \`mongo\`, \`mongodump\`…),
\`sshpass -p secret\`, as is \`PGPASSWORD=secret psql\`. Pass it from a variable the deploy sets (\`-p"$DB_PASSWORD"\`,
\`sshpass -e\` with \`SSHPASS\`). A bare option that prompts (\`mysql -p\`, \`mongosh -p\`) and one that is not the
password (\`redis-cli -p 6379\`, the port) are not reported.

Values taken from a variable (\`$ADMIN_PASSWORD\`, \`$(cat /run/secrets/admin)\`) are not literals and are not reported;
a literal fallback for one (\`password=os.environ.get("DJANGO_SUPERUSER_PASSWORD", "admin123")\`) is: every container
started without the variable uses it.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const app of project.apps) {
      for (const s of app.entrypointScripts) {
        for (const c of literalCredentials(s.script)) {
          const key = `${s.file}:${c.line}:${c.what}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            file: s.file,
            line: c.line,
            message: `The start script writes a credential literally (${c.what}): it ships in the repository and the image and is the same on every deploy. ${c.clientOption ? clientAdvice(c) : fromEnvironment(c.what, app)}`,
          });
        }
      }
      // The start command itself (a shell-form CMD, a compose `sh -c` command) can carry one too; scripts are above.
      for (const c of startCommands(app)) {
        const found = c.origin === 'script' ? undefined : commandCredential(c);
        const what = found?.what;
        const key = `${c.file}:${found?.line}:${what}`;
        if (!found || seen.has(key)) continue;
        seen.add(key);
        findings.push({
          file: c.file,
          line: found.line,
          message: found.clientOption
            ? `The start command writes a password literally (${what}): it ships in the repository and the image and is the same on every deploy. ${clientAdvice(found)}`
            : ORDINARY_ACCOUNT.test(what ?? '')
              ? `The start command writes a password literally (${what}): it ships in the repository and the image, is the same on every deploy, and is the password of an account created on every start. Read it from an environment variable the deploy sets.`
              : `The start command writes a password literally (${what}): it ships in the repository and the image, is the same on every deploy, and is the password of an administrator created on every start. ${superuserAdvice(app)}`,
        });
      }
      for (const p of app.startPrograms ?? []) {
        for (const c of p.credentials) {
          const key = `${p.file}:${c.line}:${c.what}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            file: p.file,
            line: c.line,
            message: `${p.file}, which the start command runs ${runsOnFirstStartOnly(app, p.file) ? "on each container's first start (under a marker-file test)" : 'on every start'}, sets a password literally (${c.what}): it ships in the repository and the image and is the same on every deploy. ${programAdvice(c.what, app)}`,
          });
        }
      }
    }
    return findings;
  },
});

/** `create_user(…)` makes an ordinary account, not the administrator: createsuperuser is no advice for it. */
const ORDINARY_ACCOUNT = /^create_user\(/;

/** The superuser's password through createsuperuser; an ordinary account's from any variable. */
function programAdvice(what: string, app: App): string {
  const fallback = fallbackVariable(what);
  if (fallback) return dropFallback(fallback);
  return ORDINARY_ACCOUNT.test(what)
    ? 'Read it from an environment variable the deploy sets (os.environ["…"]).'
    : pinnedBeforeDjango3(app)
      ? 'Read it from an environment variable the deploy sets (e.g. os.environ["DJANGO_SUPERUSER_PASSWORD"]).'
      : 'Read it from an environment variable the deploy sets (e.g. os.environ["DJANGO_SUPERUSER_PASSWORD"], or createsuperuser --noinput).';
}

/** The variable a password falls back from (`create_superuser(…), the fallback when X is unset`). */
function fallbackVariable(what: string): string | undefined {
  return /the fallback when (\w+) is unset$/.exec(what)?.[1];
}

function dropFallback(variable: string): string {
  return `Drop the fallback, so a deploy that does not set ${variable} fails instead of using it: os.environ["${variable}"].`;
}

/**
 * The superuser's password from the environment: createsuperuser --noinput reads DJANGO_SUPERUSER_PASSWORD from
 * Django 3.0 on; under an older pinned Django the command that creates the user must read it itself.
 */
function superuserAdvice(app: App): string {
  const old = pinnedBeforeDjango3(app);
  return old
    ? `Read it from an environment variable the deploy sets (e.g. DJANGO_SUPERUSER_PASSWORD, read with os.environ by the management command or data migration that creates the user: createsuperuser --noinput reads it only from Django 3.0, and the requirements pin Django ${old}).`
    : 'Read it from an environment variable the deploy sets (e.g. DJANGO_SUPERUSER_PASSWORD with createsuperuser --noinput).';
}

/** The Django version the app's requirements pin (`django==1.8.3`) when it is older than 3.0. */
function pinnedBeforeDjango3(app: App): string | undefined {
  for (const file of app.requirements)
    for (const line of file.lines) {
      if (line.name?.toLowerCase() !== 'django' || !line.pinned) continue;
      const version = /===?\s*(\d+)\.(\d+)(?:\.\d+)?/.exec(line.text);
      if (version && Number(version[1]) < 3) return version[0].replace(/^===?\s*/, '');
    }
  return undefined;
}

/** The variable each client's password is advised from (which account's it is, the script's -u says). */
const CLIENT_VARIABLE: Record<PasswordClient, string> = {
  mysql: 'DB_PASSWORD',
  redis: 'REDIS_PASSWORD',
  mongo: 'MONGO_PASSWORD',
  sshpass: 'SSHPASS',
};

/** A client's password from a variable the deploy sets; sshpass reads its own with -e. */
function clientAdvice({ client = 'mysql', clientOption = '-p' }: LiteralCredential): string {
  if (client === 'sshpass')
    return "Let the deploy set SSHPASS in the container's environment instead and run sshpass -e, which reads it from there.";
  return `Pass it from a variable the deploy sets in the container's environment instead, e.g. ${clientOption}"$${CLIENT_VARIABLE[client]}".`;
}

/**
 * How to take a literal credential from the environment: a variable other than the superuser's password (`PGPASSWORD=…`
 * for psql) from a password variable the app already has, or from the deploy; the superuser's through createsuperuser.
 */
function fromEnvironment(what: string, app: App): string {
  const name = /^(\w+)=…$/.exec(what)?.[1];
  const known = Object.keys(containerEnv(app)).find((v) => v !== name && /PASS/i.test(v) && isSecretName(v));
  // A connection the script opens itself (psycopg2.connect(password=…)): the password the app already has.
  if (/\((?:password|passwd)=…\)$/.test(what))
    return known
      ? `Read it from the environment instead: os.environ["${known}"] (${known} is set for the app).`
      : 'Read it from an environment variable the deploy sets (os.environ["…"]).';
  const fallback = fallbackVariable(what);
  if (fallback) return dropFallback(fallback);
  if (ORDINARY_ACCOUNT.test(what)) return 'Read it from an environment variable the deploy sets.';
  if (!name || name === 'DJANGO_SUPERUSER_PASSWORD') return superuserAdvice(app);
  const drop = `drop the assignment and let the deploy set ${name} in the container's environment`;
  if (known)
    return `Take it from the environment instead: ${name}="$${known}" (${known} is set for the app), or ${drop}.`;
  return `Take it from the environment instead: ${drop}.`;
}
