import { defineRule } from './lib/rule.js';

export const migrateOneOffFailed = defineRule({
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
  check() {
    return [];
  },
});
