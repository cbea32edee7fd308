import { acrossEngines, at, defineDynamicRule, observationsOf, sqlitePathAnchor } from './lib/dynamic.js';

export const runtimeDataLost = defineDynamicRule({
  id: 'TF0604',
  name: 'runtime-data-lost',
  factor: 'VI',
  severity: 'error',
  kind: 'D',
  title:
    'A record written through the app in one container is gone after that container is replaced by a fresh one with the same volumes',
  help: `A process must keep nothing it needs on its own filesystem: containers are replaced at every deploy, scale-out and restart. The smoke test writes a user through a one-off container, replaces the server container with a fresh one on the same volumes, and reads the user back inside it once it answers HTTP. When it is gone (or the tables created by the migrate one-off are already missing), the data lived in the container's writable layer, or what the container runs at start (\`flush\`, a new database file) emptied it.

Put the SQLite file in a volume, or use a database server:

\`\`\`dockerfile
RUN mkdir -p /data && chown app /data
VOLUME /data
\`\`\`

\`\`\`python
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3',
                         'NAME': os.environ.get('SQLITE_PATH', '/data/db.sqlite3')}}
\`\`\``,
  related: [],
  judge(observations, context) {
    return acrossEngines(observationsOf(observations, 'data-lost'), (o) =>
      at(
        sqlitePathAnchor(context),
        `The data written by the first container is not in the second one, started from the same image and volumes (${o.why}). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server, and run nothing at start that empties it (\`flush\`, a fresh database file).`,
        o.logTail,
      ),
    );
  },
});
