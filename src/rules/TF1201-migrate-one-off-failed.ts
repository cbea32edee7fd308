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

/** A module the app imports and the image lacks: the advice for that cause, before the general one. */
function missingModule(output: string): string {
  const cause = failureCause({ output });
  return cause?.kind === 'missing-module' ? `${causeAdvice(cause)} ` : '';
}

/** SQLite unable to write its file: the advice for that cause, after the general one. */
function sqliteNotWritable(output: string, context: SmokeContext): string {
  const cause = failureCause({ output });
  return cause?.kind === 'sqlite-not-writable' ? ` ${causeAdvice(cause, undefined, context.imageUser)}` : '';
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
        `\`manage.py migrate --noinput\` run as a one-off container from the image failed (${o.why}). ${missingModule(o.output)}The release must be able to migrate with only the environment it is given.${o.engine === 'sqlite' ? sqliteNotWritable(o.output, context) : ''}`,
        o.logTail,
      ),
    );
  },
});
