import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const app = (script: string) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n',
  'entrypoint.sh': script,
});

test('TF0311 fires on DJANGO_SUPERUSER_PASSWORD exported with a literal, at the script line, without printing it', async () => {
  const result = await analyzeFiles(
    app(
      '#!/bin/sh\nexport DJANGO_SUPERUSER_PASSWORD=hunter2pw\npython manage.py createsuperuser --noinput\nexec gunicorn -b 0.0.0.0:8000 mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0311'), [['entrypoint.sh', 2]]);
  assert.doesNotMatch(result.findings.find((f) => f.ruleId === 'TF0311')!.message, /hunter2pw/);
});

test('TF0311 is silent when the password comes from the environment', async () => {
  const result = await analyzeFiles(
    app(
      '#!/bin/sh\nexport DJANGO_SUPERUSER_PASSWORD="$ADMIN_PASSWORD"\nDB_PASS=$(cat /run/secrets/db)\npython manage.py createsuperuser --noinput\nexec gunicorn mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0311'), []);
});

test('TF0311: a command prefix assignment, an initadmin password and create_superuser piped or in a heredoc', async () => {
  const result = await analyzeFiles(
    app(
      [
        '#!/bin/bash',
        'DJANGO_SUPERUSER_PASSWORD=admin python manage.py createsuperuser --noinput', //2
        'python manage.py initadmin --username admin --password admin123', //3
        "echo \"from django.contrib.auth.models import User; User.objects.create_superuser('admin', 'a@b.c', 'adminpw')\" | python manage.py shell", //4
        'python manage.py shell <<EOF', //5
        "u = User.objects.get(username='x'); u.set_password('pw12345'); u.save()",
        'EOF',
        'python manage.py changepassword admin', //8: interactive, no password given
        'exec gunicorn mysite.wsgi',
        '',
      ].join('\n'),
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0311'), [
    ['entrypoint.sh', 2],
    ['entrypoint.sh', 3],
    ['entrypoint.sh', 4],
    ['entrypoint.sh', 5],
  ]);
});

test('TF0311: a heredoc passed through cat into manage.py shell, but not cat of a file', async () => {
  const result = await analyzeFiles(
    app(
      [
        '#!/bin/sh',
        'cat <<EOF | python manage.py shell', //2
        "User.objects.create_superuser('admin', 'a@b.c', 'adminpw')",
        'EOF',
        'cat admin.py | python manage.py shell', //5: the file is not read here
        'exec gunicorn mysite.wsgi',
        '',
      ].join('\n'),
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0311'), [['entrypoint.sh', 2]]);
});

test('TF0311 reads only the scripts the container runs: a script no command starts is not judged', async () => {
  const files = app('#!/bin/sh\nexec gunicorn mysite.wsgi\n');
  const result = await analyzeFiles({ ...files, 'scripts/dev-reset.sh': 'export DB_PASSWORD=devpw\n' });
  assert.deepEqual(findingsOf(result, 'TF0311'), []);
});

test('TF0311: a Python program the start script runs, and a custom management command, with a literal password', async () => {
  const result = await analyzeFiles({
    ...app(
      '#!/bin/sh\npython manage.py migrate\npython create_admin.py\npython manage.py auth_init\nexec "$@"\n',
    ),
    'create_admin.py':
      "import django\ndjango.setup()\nfrom django.contrib.auth import get_user_model\nget_user_model().objects.create_superuser('admin', 'a@example.com', 'Adm1n-pw')\n",
    'blog/__init__.py': '',
    'blog/management/commands/auth_init.py':
      "from django.core.management.base import BaseCommand\nfrom django.contrib.auth.models import User\n\nclass Command(BaseCommand):\n    def handle(self, *args, **kwargs):\n        User.objects.create_superuser('admin', 'a@example.com',\n                                      'password')\n",
  });
  assert.deepEqual(findingsOf(result, 'TF0311'), [
    // Anchored at the password literal, on the line below the call.
    ['blog/management/commands/auth_init.py', 7],
    ['create_admin.py', 4],
  ]);
  assert.doesNotMatch(result.findings.find((f) => f.ruleId === 'TF0311')!.message, /Adm1n-pw/);
});

test('TF0311: a Python program run only on the first start (a marker-file test) is said to run then, not on every start', async () => {
  const program =
    "import django\ndjango.setup()\nfrom django.contrib.auth.models import User\nUser.objects.create_superuser('admin', 'a@example.com', 'Adm1n-pw')\n";
  const guarded = await analyzeFiles({
    ...app(
      '#!/bin/sh\nSTARTED=/tmp/started\nif [ ! -e $STARTED ]; then\n  touch $STARTED\n  python create_admin.py\nfi\nexec "$@"\n',
    ),
    'create_admin.py': program,
  });
  const first = guarded.findings.find((f) => f.ruleId === 'TF0311')!.message;
  assert.match(first, /runs on each container's first start \(under a marker-file test\)/);
  // The same test without the marker being created is no first-start guard.
  const unguarded = await analyzeFiles({
    ...app('#!/bin/sh\nif [ ! -e /tmp/started ]; then\n  python create_admin.py\nfi\nexec "$@"\n'),
    'create_admin.py': program,
  });
  assert.match(unguarded.findings.find((f) => f.ruleId === 'TF0311')!.message, /runs on every start/);
});

test('TF0311: a Python program that reads the password from the environment, or that no start command runs, is silent', async () => {
  const result = await analyzeFiles({
    ...app('#!/bin/sh\npython create_admin.py\nexec gunicorn mysite.wsgi\n'),
    'create_admin.py':
      "import os\nfrom django.contrib.auth.models import User\nUser.objects.create_superuser('admin', 'a@example.com', os.environ['ADMIN_PASSWORD'])\n",
    'seed_demo.py':
      "from django.contrib.auth.models import User\nUser.objects.create_superuser('demo', 'd@example.com', 'demo')\n",
  });
  assert.deepEqual(findingsOf(result, 'TF0311'), []);
});

test('TF0311: a literal password in the start command itself (shell-form CMD, compose sh -c command)', async () => {
  const files = {
    ...app(''),
    Dockerfile: [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY . .',
      'CMD python manage.py migrate && \\',
      `    python -c "import django; django.setup(); from django.contrib.auth.models import User; User.objects.create_superuser('admin', 'a@b.c', 'admin123')" && \\`,
      '    exec gunicorn -b 0.0.0.0:8000 mysite.wsgi',
      '',
    ].join('\n'),
  };
  delete (files as Record<string, string>)['entrypoint.sh'];
  const image = await analyzeFiles(files);
  assert.deepEqual(findingsOf(image, 'TF0311'), [['Dockerfile', 5]]);
  assert.doesNotMatch(image.findings.find((f) => f.ruleId === 'TF0311')!.message, /admin123/);

  const compose = await analyzeFiles({
    ...files,
    'compose.yaml': [
      'services:',
      '  web:',
      '    build: .',
      '    command:',
      '      - sh',
      '      - -c',
      `      - echo "from django.contrib.auth.models import User; User.objects.create_superuser('root', 'r@b.c', 'rootpw')" | python manage.py shell && exec gunicorn -b 0.0.0.0:8000 mysite.wsgi`,
      '',
    ].join('\n'),
  });
  // Anchored at the list item that holds the script, where the literal is written.
  assert.deepEqual(findingsOf(compose, 'TF0311'), [
    ['compose.yaml', 7],
    ['Dockerfile', 5],
  ]);
});

test('TF0311 is silent on a start command that takes the password from the environment', async () => {
  const files = {
    ...app(''),
    Dockerfile: [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY . .',
      `CMD python -c "import os; from django.contrib.auth.models import User; User.objects.create_superuser('admin', 'a@b.c', os.environ['ADMIN_PASSWORD'])" && exec gunicorn mysite.wsgi`,
      '',
    ].join('\n'),
  };
  delete (files as Record<string, string>)['entrypoint.sh'];
  assert.deepEqual(findingsOf(await analyzeFiles(files), 'TF0311'), []);
});

test('TF0311: create_superuser arguments holding calls and commas in strings are split as Python does', async () => {
  const result = await analyzeFiles({
    ...app('#!/bin/sh\npython create_admin.py\npython create_staff.py\nexec gunicorn mysite.wsgi\n'),
    'create_admin.py':
      'import os\nfrom django.contrib.auth.models import User\nUser.objects.create_superuser(\n    username="admin",\n    email=os.getenv("ADMIN_EMAIL", "a@b.c"),\n    password="password",\n)\n',
    'create_staff.py':
      'import os\nfrom django.contrib.auth.models import User\nUser.objects.create_superuser("staff, old", os.getenv("STAFF_EMAIL"), password=os.getenv("STAFF_PASSWORD"))\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0311'), [['create_admin.py', 6]]);
});

test('TF0311: a password read from the environment with a literal fallback is that literal, named as the fallback', async () => {
  const result = await analyzeFiles({
    ...app('#!/bin/sh\npython create_staff.py\nexec gunicorn mysite.wsgi\n'),
    'create_staff.py':
      'import os\nfrom django.contrib.auth.models import User\nUser.objects.create_superuser(\n    "staff", "s@b.c",\n    password=os.getenv("STAFF_PASSWORD", "staff-pw"),\n)\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0311'), [['create_staff.py', 5]]);
  const [finding] = result.findings.filter((f) => f.ruleId === 'TF0311');
  assert.match(finding!.message, /the fallback when STAFF_PASSWORD is unset/);
});

test('TF0311: a password passed through a local variable is anchored at the literal assignment', async () => {
  const result = await analyzeFiles({
    ...app(
      '#!/bin/sh\npython create_admin.py\npython manage.py initadmin\npython create_staff.py\nexec gunicorn mysite.wsgi\n',
    ),
    'create_admin.py':
      "from django.contrib.auth.models import User\npassword = 'admin'\nUser.objects.create_superuser('admin', 'a@b.c', password=password)\n",
    'blog/__init__.py': '',
    'blog/management/commands/initadmin.py':
      'from django.core.management.base import BaseCommand\nfrom django.contrib.auth.models import User\n\nclass Command(BaseCommand):\n    def handle(self, *args, **kwargs):\n        pw = "S3cret-pw"  # the admin\'s\n        User.objects.create_superuser("admin", "a@b.c", pw)\n',
    // A variable read from the environment, or assigned a literal and then the environment, is not a literal.
    'create_staff.py':
      "import os\nfrom django.contrib.auth.models import User\npassword = 'x'\npassword = os.environ['STAFF_PASSWORD']\nUser.objects.create_superuser('staff', 's@b.c', password)\nother = os.getenv('P')\nUser.objects.create_superuser('o', 'o@b.c', password=other)\n",
  });
  assert.deepEqual(findingsOf(result, 'TF0311'), [
    ['blog/management/commands/initadmin.py', 6],
    ['create_admin.py', 2],
  ]);
});

test('TF0311: a literal PGPASSWORD for psql is advised from the password variable the app has, not createsuperuser', async () => {
  const files = app(
    "#!/bin/sh\nuntil PGPASSWORD=hunter2pw psql -h db -U app -c '\\q'; do sleep 1; done\nexec gunicorn -b 0.0.0.0:8000 mysite.wsgi\n",
  );
  const plain = (await analyzeFiles(files)).findings.find((f) => f.ruleId === 'TF0311')!;
  assert.match(
    plain.message,
    /drop the assignment and let the deploy set PGPASSWORD in the container's environment\.$/,
  );
  assert.doesNotMatch(plain.message, /createsuperuser|hunter2pw/);
  const withVariable = await analyzeFiles({
    ...files,
    Dockerfile: files.Dockerfile.replace('WORKDIR /app', 'WORKDIR /app\nENV POSTGRES_PASSWORD=""'),
  });
  const known = withVariable.findings.find((f) => f.ruleId === 'TF0311')!;
  assert.match(known.message, /PGPASSWORD="\$POSTGRES_PASSWORD" \(POSTGRES_PASSWORD is set for the app\)/);
});

test('TF0311: a MySQL client given a literal attached password, never a variable, a port or a bare -p', async () => {
  const result = await analyzeFiles(
    app(
      [
        '#!/bin/sh',
        'until mysqladmin -h db -u root -proot ping; do sleep 1; done', //2
        'mariadb --host=db --password=s3cret -e "SELECT 1"', //3
        'mysql -h db -u app -p"$MYSQL_PASSWORD" -e "SELECT 1"',
        'mysql -h db -u app -p$DB_PASS app',
        'mysqldump -h db -P 3306 -u app -p appdb',
        'mysql -h db --password app',
        'psql -p 5432 -h db -U app',
        'exec gunicorn -b 0.0.0.0:8000 mysite.wsgi',
        '',
      ].join('\n'),
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0311'), [
    ['entrypoint.sh', 2],
    ['entrypoint.sh', 3],
  ]);
  const messages = result.findings.filter((f) => f.ruleId === 'TF0311').map((f) => f.message);
  assert.match(messages[0], /\(mysqladmin -p…\)/);
  assert.match(messages[1], /\(mariadb --password=…\).*e\.g\. --password="\$DB_PASSWORD"\.$/);
  assert.doesNotMatch(messages.join('\n'), /root|s3cret|createsuperuser/);
});

test('TF0311: redis-cli, mongosh/mongo and sshpass given a literal password; never a variable, a port or a prompt', async () => {
  const result = await analyzeFiles(
    app(
      [
        '#!/bin/sh',
        'until redis-cli -h cache -p 6379 -a s3cret ping; do sleep 1; done', //2
        'mongosh --host db -u root --password s3cret --eval "db.runCommand({ping: 1})"', //3
        'mongo -u root -p s3cret admin', //4
        'mongodump --uri mongodb://db --password=s3cret', //5
        'sshpass -p s3cret scp dump.sql backup@host:/dumps', //6
        'redis-cli -h cache -p 6379 ping',
        'redis-cli -a "$REDIS_PASSWORD" --pass $REDIS_PASSWORD ping',
        'redis-cli --askpass ping',
        'mongosh --host db -u root -p --authenticationDatabase admin',
        'mongosh --host db -u root --password',
        'mongo -u root -p "${MONGO_PASSWORD}" admin',
        'sshpass -e ssh -p 2222 backup@host true',
        'sshpass -f /run/secrets/ssh ssh -p 2222 backup@host true',
        'exec gunicorn -b 0.0.0.0:8000 mysite.wsgi',
        '',
      ].join('\n'),
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0311'), [
    ['entrypoint.sh', 2],
    ['entrypoint.sh', 3],
    ['entrypoint.sh', 4],
    ['entrypoint.sh', 5],
    ['entrypoint.sh', 6],
  ]);
  const messages = result.findings.filter((f) => f.ruleId === 'TF0311').map((f) => f.message);
  assert.match(messages[0], /\(redis-cli -a …\).*e\.g\. -a "\$REDIS_PASSWORD"\.$/);
  assert.match(messages[1], /\(mongosh --password …\).*e\.g\. --password "\$MONGO_PASSWORD"\.$/);
  assert.match(messages[2], /\(mongo -p …\)/);
  assert.match(messages[3], /\(mongodump --password=…\).*e\.g\. --password="\$MONGO_PASSWORD"\.$/);
  assert.match(messages[4], /\(sshpass -p …\).*set SSHPASS .* run sshpass -e/);
  assert.doesNotMatch(messages.join('\n'), /s3cret|createsuperuser/);
});

test('TF0311: a literal client password in a compose command is the start command writing it', async () => {
  const result = await analyzeFiles({
    ...app('#!/bin/sh\nexec "$@"\n'),
    'compose.yaml':
      'services:\n  web:\n    build: .\n    command: sh -c "until redis-cli -h cache -a s3cret ping; do sleep 1; done && gunicorn -b 0.0.0.0:8000 mysite.wsgi"\n',
  });
  const finding = result.findings.find((f) => f.ruleId === 'TF0311');
  assert.equal(finding?.file, 'compose.yaml');
  assert.match(
    finding!.message,
    /^The start command writes a password literally \(redis-cli -a …\).*-a "\$REDIS_PASSWORD"\.$/,
  );
});
