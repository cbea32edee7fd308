import { defineRule } from './lib/rule.js';

export const configNotHonoured = defineRule({
  id: 'TF0309',
  name: 'config-not-honoured',
  factor: 'III',
  severity: 'error',
  kind: 'D',
  title:
    'With DB_ENGINE=postgres the migrations do not land in the attached PostgreSQL (the app kept another database), or with DB_ENGINE=sqlite the app still needs the server',
  help: `The smoke test starts the image with \`DB_ENGINE=postgres\` and a fresh PostgreSQL attached only through environment variables, then looks for \`django_migrations\` in that PostgreSQL. When the tables are not there, the app migrated some other database (usually an SQLite file baked into the settings): configuration in the environment is not honoured, so the same image cannot be deployed against a real database. The same rule fires when the app still needs a database server with \`DB_ENGINE=sqlite\`.

Build \`DATABASES\` from the environment, and let nothing else decide:

\`\`\`python
if os.environ.get('DB_ENGINE', 'sqlite') == 'postgres':
    DATABASES = {'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'HOST': os.environ['DB_HOST'], 'PORT': os.environ.get('DB_PORT', '5432'),
        'NAME': os.environ['DB_NAME'], 'USER': os.environ['DB_USER'],
        'PASSWORD': os.environ['DB_PASSWORD'],
    }}
else:
    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3',
                             'NAME': os.environ.get('SQLITE_PATH', '/data/db.sqlite3')}}
\`\`\``,
  related: [],
  check() {
    return [];
  },
});
