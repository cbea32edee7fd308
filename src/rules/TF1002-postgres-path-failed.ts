import { defineDynamicRule, judgeEnginePath } from './lib/dynamic.js';

export const postgresPathFailed = defineDynamicRule({
  id: 'TF1002',
  name: 'postgres-path-failed',
  factor: 'X',
  severity: 'error',
  kind: 'D',
  title:
    'The image does not migrate and serve with DB_ENGINE=postgres against a fresh PostgreSQL attached only through environment variables',
  help: `The smoke test attaches a fresh PostgreSQL to the image only through environment variables (\`DB_ENGINE=postgres\`, \`DB_HOST\`, \`DB_PORT\`, \`DB_NAME\`, \`DB_USER\`, \`DB_PASSWORD\`, and \`DATABASE_URL\` when the settings read it), runs \`manage.py migrate\` as a one-off, starts the server and probes it. This finding names the step that broke: typically a host, name or credential written in the settings instead of read from the environment.

Read every connection parameter from the environment:

\`\`\`python
DATABASES = {'default': {
    'ENGINE': 'django.db.backends.postgresql',
    'HOST': os.environ['DB_HOST'], 'PORT': os.environ.get('DB_PORT', '5432'),
    'NAME': os.environ['DB_NAME'], 'USER': os.environ['DB_USER'],
    'PASSWORD': os.environ['DB_PASSWORD'],
}}
\`\`\``,
  related: [],
  judge(observations, context) {
    return judgeEnginePath(
      'postgres',
      'with DB_ENGINE=postgres against a fresh PostgreSQL attached through environment variables',
      observations,
      context,
    );
  },
});
