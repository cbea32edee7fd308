import { defineDynamicRule, judgeEnginePath } from './lib/dynamic.js';

export const sqlitePathFailed = defineDynamicRule({
  id: 'TF1001',
  name: 'sqlite-path-failed',
  factor: 'X',
  severity: 'error',
  kind: 'D',
  title: 'The image does not migrate and serve with DB_ENGINE=sqlite',
  help: `Dev/prod parity means the same image runs everywhere with only its environment changed. The smoke test runs the image with \`DB_ENGINE=sqlite\` and no database server: \`manage.py migrate\` as a one-off, then the server, then HTTP probes of \`/\` and \`/admin/login/\`. This finding names the step that broke and carries its log.

Make SQLite a first-class, environment-selected engine whose file lives in a volume:

\`\`\`python
if os.environ.get('DB_ENGINE', 'sqlite') == 'sqlite':
    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3',
                             'NAME': os.environ.get('SQLITE_PATH', '/data/db.sqlite3')}}
\`\`\``,
  related: [],
  judge(observations, context) {
    return judgeEnginePath('sqlite', 'with DB_ENGINE=sqlite', observations, context);
  },
});
