import { acrossEngines, at, databasesAnchor, defineDynamicRule, observationsOf } from './lib/dynamic.js';

/** The app still reaching for a database server (psycopg, MySQL) although it was told to use SQLite. */
const DB_CONNECTION_ERROR =
  /could not translate host name|could not connect to server|connection to server at|connection refused|Is the server running|name or service not known|psycopg2?\.OperationalError|OperationalError: .*(host|connect)|Can't connect to MySQL|Unknown MySQL server host/i;

export const configNotHonoured = defineDynamicRule({
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
  judge(observations, context) {
    const seen = observationsOf(observations, 'migrate-failed', 'tables-missing').filter((o) =>
      o.kind === 'tables-missing' ? true : o.engine === 'sqlite' && DB_CONNECTION_ERROR.test(o.output),
    );
    return acrossEngines(seen, (o) =>
      o.kind === 'tables-missing'
        ? at(
            databasesAnchor(context),
            `With DB_ENGINE=postgres and the PostgreSQL settings in the environment, the migrations did not land in PostgreSQL (${o.why}): the app kept another database. Build DATABASES from DB_ENGINE/DB_HOST/... or DATABASE_URL.`,
          )
        : at(
            databasesAnchor(context),
            'With DB_ENGINE=sqlite the app still tries to reach a database server. Select the engine from DB_ENGINE (or DATABASE_URL) so the image runs with no server at all.',
            o.logTail,
          ),
    );
  },
});
