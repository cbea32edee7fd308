import {
  acrossEngines,
  at,
  databasesAnchor,
  defineDynamicRule,
  causeAdvice,
  failureCause,
  observationsOf,
  type SmokeContext,
} from './lib/dynamic.js';

/** SQLite failing to create or write its file: usually a volume directory the image's user cannot write. */
const SQLITE_NOT_WRITABLE = /unable to open database file|attempt to write a readonly database/i;

/** Why SQLite could not write its file, as far as the image tells. */
function sqliteNotWritable(context: SmokeContext): string {
  const user = context.imageUser;
  const who = user && !/^(root|0)(:|$)/.test(user) ? ` by the user the image runs as (USER ${user})` : '';
  return `The SQLite file cannot be created or written${who}: create its directory in the Dockerfile and \`chown\` it to that user before \`VOLUME\`, since a new volume takes the directory's owner.`;
}

/** A module the app imports and the image lacks: the advice for that cause, before the general one. */
function missingModule(output: string): string {
  const cause = failureCause({ output });
  return cause?.kind === 'missing-module' ? `${causeAdvice(cause)} ` : '';
}

export const migrateOneOffFailed = defineDynamicRule({
  id: 'TF1201',
  name: 'migrate-one-off-failed',
  factor: 'XII',
  severity: 'error',
  kind: 'D',
  title: 'Manage.py migrate run as a one-off container from the same image and environment fails',
  help: `Admin processes run as one-off containers from the same image and environment as the app: that is how a release migrates. The smoke test runs \`manage.py migrate --noinput\` that way: in a one-off container (\`docker run --rm\`) of the built image with the engine's environment, after \`manage.py check --deploy\` in the same Python process; a failure here means a deploy cannot migrate. The log tail in the details shows why.

Check that migrations apply from scratch with only environment configuration:

\`\`\`sh
docker run --rm -e DB_ENGINE=sqlite IMAGE python manage.py migrate --noinput
\`\`\``,
  related: [],
  judge(observations, context) {
    return acrossEngines(observationsOf(observations, 'migrate-failed'), (o) =>
      at(
        databasesAnchor(context),
        `\`manage.py migrate --noinput\` run as a one-off container from the image failed (${o.why}). ${missingModule(o.output)}The release must be able to migrate with only the environment it is given.${o.engine === 'sqlite' && SQLITE_NOT_WRITABLE.test(o.output) ? ` ${sqliteNotWritable(context)}` : ''}`,
        o.logTail,
      ),
    );
  },
});
