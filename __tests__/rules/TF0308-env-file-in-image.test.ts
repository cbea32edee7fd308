import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envFileInImage } from '../../src/rules/TF0308-env-file-in-image.js';
import { analyzeFiles } from '../support/analyze.js';
import { contextRuleCases, MANAGE } from '../support/context-rule-cases.js';

contextRuleCases(envFileInImage, [
  [
    'COPY . with .env present',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.env': 'X=1\n' },
    [['Dockerfile', 2]],
  ],
  [
    'excluded by .dockerignore',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.env': 'X=1\n', '.dockerignore': '.env\n' },
    [],
  ],
  [
    'explicit COPY of .env.production',
    {
      Dockerfile: 'FROM python:3.12\nCOPY .env.production /app/.env\n',
      '.env.production': 'X=1\n',
      '.dockerignore': '.git\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'nested prod.env through a directory COPY',
    { Dockerfile: 'FROM python:3.12\nCOPY config/ /app/config/\n', 'config/prod.env': 'X=1\n' },
    [['Dockerfile', 2]],
  ],
  ['.env.example is fine', { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.env.example': 'X=\n' }, []],
  [
    '.env.tpl whose only secret is commented out is a template',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.env.tpl': 'API=shop\n# SECRET_KEY=k2#9fj3l0qv!x8m1z7w4r6t5y2u3i9o0\nENV=local\n',
    },
    [],
  ],
  [
    'a compose env_file of a file that repeats a key (read with the last value winning) reaches the image',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml':
        'services:\n  db:\n    image: postgres:16\n    restart: always\n    restart: unless-stopped\n' +
        '  web:\n    build: .\n    env_file: .env\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'a template of placeholders only (words naming the value, <secret>, xxx, changeme, empty) is fine',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.env.example':
        'SECRET_KEY=your_secret_key\nDB_PASSWORD=db_password\nPOSTGRES_PASSWORD=password\nAPI_TOKEN=<secret>\n' +
        'EMAIL_HOST_PASSWORD=xxx\nREDIS_PASSWORD=changeme\nAWS_SECRET_ACCESS_KEY=\nSTRIPE_SECRET=stripe-secret-key\n',
      '.env.sample': 'DJANGO_SECRET_KEY=django_secret_key\nDATABASE_PASSWORD=DATABASE_PASSWORD\n',
    },
    [],
  ],
  [
    'a template with a real-looking value (random mixed string, long hex) is still reported',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.env.example': 'SECRET_KEY=your_secret_key\nDB_PASSWORD=Xk9q2LmZ7vR\n',
      '.env.template': 'SECRET_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'a compose env_file in the context that the repository does not hold still reaches the image through COPY .',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: .env.prod\n',
      '.dockerignore': '.git\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    "the database service's env_file in the app's context reaches the app image through COPY . all the same",
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n    env_file: .env\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'a compose env_file that .dockerignore excludes, or outside the context, is fine',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: [.env.prod, ../outside.env]\n',
      '.dockerignore': '.env*\n',
    },
    [],
  ],
  [
    "a compose env_file in the user's home (~/…), from a compose file in a subdirectory, is outside the context",
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'deploy/compose.yaml': 'services:\n  web:\n    build: ..\n    env_file: ~/secrets/web/.env\n',
      '.dockerignore': '.git\n',
    },
    [],
  ],
  [
    'a sample in a .env/ directory that compose loads, with a real-looking SECRET_KEY, is reported',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: .env/.prod-sample\n',
      '.env/.prod-sample': 'SECRET_KEY=k3#Zq9v!Lm2xR7wP0tYb8nC4\nDEBUG=0\n',
      '.dockerignore': '.git\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'a file in a .env* directory is judged by its content: a real secret is reported, placeholders are fine',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.env/.prod': 'DB_PASSWORD=Xk9q2LmZ7vR\n',
      '.envs/.production/.django': 'DJANGO_SECRET_KEY=change-me\nDEBUG=0\n',
      '.envs/.local-sample': 'SECRET_KEY=your_secret_key\n',
      '.dockerignore': '.git\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'a file compose loads as env_file is judged by its content whatever its name',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: [envs/web.sample, envs/db.sample]\n',
      'envs/web.sample': 'DJANGO_SECRET_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf\n',
      'envs/db.sample': 'POSTGRES_PASSWORD=changeme\n',
      '.dockerignore': '.git\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'only in a builder stage whose output is a virtualenv',
    {
      Dockerfile:
        'FROM python:3.12 AS build\nWORKDIR /w\nCOPY . .\nRUN python -m venv /venv\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\nCOPY mysite /app/mysite\n',
      '.env': 'X=1\n',
    },
    [],
  ],
  [
    'an explicit COPY of an env file and a later COPY . that takes it again: each layer keeps a copy',
    {
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY .env.production ./.env.production\nCOPY . .\n',
      '.env.production': 'X=1\n',
      '.dockerignore': '.git\n',
    },
    [
      ['Dockerfile', 3],
      ['Dockerfile', 4],
    ],
  ],
  [
    'passed on through COPY --from: anchored where it left the context',
    {
      Dockerfile:
        'FROM python:3.12 AS build\nWORKDIR /w\nCOPY . .\nFROM python:3.12-slim\nCOPY --from=build /w /app\n',
      '.env': 'X=1\n',
    },
    [['Dockerfile', 3]],
  ],
]);

/** The TF0308 messages of a project of `files`, by line. */
async function messagesOf(files: Record<string, string>): Promise<Map<number, string>> {
  const result = await analyzeFiles({ 'manage.py': MANAGE, ...files });
  return new Map(
    result.findings.filter((f) => f.ruleId === 'TF0308').map((f) => [f.line ?? 0, f.message] as const),
  );
}

test('TF0308: the suggested .dockerignore patterns match the copied files (*.env, .env-*), not .env and .env.*', async () => {
  const messages = await messagesOf({
    Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
    'db_keys.env': 'POSTGRES_PASSWORD=Vq7rT2mXk9Lp4sZw\n',
    'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: ./.env-sample\n',
    '.env-sample': 'SECRET_KEY=n7#kq2v!x8m1z7w4r6t5y2u3i9o0pl4aQ\n',
    '.dockerignore': '.git\n',
  });
  const message = messages.get(2) ?? '';
  assert.match(message, /Add them to \.dockerignore \('\.env-\*' and '\*\.env'\)/);
  assert.doesNotMatch(message, /'\.env\.\*'/);
});

test('TF0308: a file another COPY names is not to be ignored: stop copying it and pass the values at run time', async () => {
  const messages = await messagesOf({
    Dockerfile: 'FROM python:3.12\nCOPY . /code/\nCOPY ./prod.env /code/.env\n',
    'local.env': 'SECRET_KEY=1\n',
    'prod.env': 'SECRET_KEY=2\n',
    '.dockerignore': '.git\n',
  });
  const message = messages.get(2) ?? '';
  assert.match(message, /Add 'local\.env' to \.dockerignore and pass the values/);
  assert.match(message, /'prod\.env' is also copied by name \(line 3\).*stop copying it into the image/);
  assert.doesNotMatch(message, /'\*\.env'|Add 'local\.env' and 'prod\.env'/);
  assert.match(messages.get(3) ?? '', /Remove the COPY/);
});

test('TF0308: the .dockerignore entries advised for a subdirectory context are paths in that context', async () => {
  const own = await messagesOf({
    'app/Dockerfile': 'FROM python:3.12\nCOPY . /code/\nCOPY ./prod.env /code/.env\n',
    'app/manage.py': MANAGE,
    'app/local.env': 'SECRET_KEY=1\n',
    'app/prod.env': 'SECRET_KEY=2\n',
    'app/.dockerignore': '.git\n',
  });
  assert.match(own.get(2) ?? '', /copies 'app\/local\.env', 'app\/prod\.env' into the image/);
  assert.match(own.get(2) ?? '', /Add 'local\.env' to app\/\.dockerignore and pass the values/);
  const general = await messagesOf({
    'app/Dockerfile': 'FROM python:3.12\nCOPY . /code/\nCOPY ./prod.env /code/.env\n',
    'app/manage.py': MANAGE,
    'app/.env.local': 'SECRET_KEY=1\n',
    'app/prod.env': 'SECRET_KEY=2\n',
    'app/.dockerignore': '.git\n',
  });
  assert.match(
    general.get(2) ?? '',
    /Add a pattern for 'app\/\.env\.local' to app\/\.dockerignore \('\.env\.\*'\) and pass the values/,
  );
});

test('TF0308: a nested env file in a subdirectory context gets a pattern relative to that context', async () => {
  const messages = await messagesOf({
    'app/Dockerfile': 'FROM python:3.12\nCOPY . /app\n',
    'app/manage.py': MANAGE,
    'app/config/.env.prod': 'SECRET_KEY=1\n',
    'app/.dockerignore': '.git\n',
  });
  assert.match([...messages.values()].join('\n'), /\('\*\*\/\.env\.\*'\)/);
});

test('TF0308: a file of a subdirectory context is named by its repository path, and so is the .dockerignore to edit', async () => {
  // The repository also holds a `config/.env.prod` of its own at the root: the message must not point at it.
  const messages = await messagesOf({
    'app/Dockerfile': 'FROM python:3.12\nCOPY . /app\n',
    'app/manage.py': MANAGE,
    'app/config/.env.prod': 'SECRET_KEY=1\n',
    'config/.env.prod': 'SECRET_KEY=2\n',
  });
  const message = [...messages.values()].join('\n');
  assert.match(message, /copies 'app\/config\/\.env\.prod' into the image/);
  assert.match(message, /Add it to app\/\.dockerignore \('\*\*\/\.env\.\*'\)/);
  assert.doesNotMatch(message, /copies 'config\/\.env\.prod'/);
});

test('TF0308: an env file copied by name for a build step, with every secret empty, is reported, and a later rm keeps it', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'config/.env.build': 'DATABASE_URL=sqlite:///db.sqlite3\nSECRET_KEY=\nGOOGLE_OAUTH2_SECRET=\n',
    Dockerfile:
      'FROM python:3.12\nCOPY . /app/\nCOPY ./config/.env.build /app/config/.env\nRUN python manage.py collectstatic --noinput\nRUN rm /app/config/.env\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0308');
  assert.deepEqual(
    found.map((f) => f.line),
    [2, 3],
  );
  assert.match(found[1].message, /it leaves every secret empty today/);
  assert.match(found[1].message, /The RUN rm at line 5 deletes it only from the layers after this one/);
});

test('TF0308: a template let in by a ! exception is told to drop the exception, not to add a pattern it has', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    '.dockerignore': '.git\n.env\n.env.*\n!.env.docker.example\n',
    '.env.docker.example': 'DJANGO_SECRET_KEY=q8#v2kz!m4p7w0r9t3y6u1i5o-x8c2b7n4m0l6j3h\n',
    Dockerfile: 'FROM python:3.12\nCOPY . .\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0308');
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    /lets '\.env\.docker\.example' in on purpose \('!\.env\.docker\.example', line 4\)/,
  );
  assert.doesNotMatch(found[0].message, /Add .* to \.dockerignore/);
});

test('TF0308: a template of well-known default and demo credentials (minioadmin, admin123!) holds no secret', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    '.dockerignore': '.git\n.env\n.env.*\n!.env.docker.example\n',
    '.env.docker.example':
      'DJANGO_SECRET_KEY=change-me-to-a-long-random-production-secret\nMINIO_SECRET_KEY=minioadmin\nTEST_ADMIN_PASSWORD=admin123!\nTEST_USER_PASSWORD=testpass123!\n',
    Dockerfile: 'FROM python:3.12\nCOPY . .\n',
  });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0308'),
    [],
  );
});

test('TF0308: an env file that names no secret is not said to ship secrets; one that names one is', async () => {
  const plain = await messagesOf({
    Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
    '.env': 'DEBUG=1\nALLOWED_HOSTS=localhost\n',
    '.dockerignore': '.git\n',
  });
  assert.match(plain.get(2) ?? '', /'\.env' into the image: it names no secret today, but whatever it holds/);
  assert.doesNotMatch(plain.get(2) ?? '', /secrets ship/);
  const secret = await messagesOf({
    Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
    '.env': 'DEBUG=1\nDB_PASSWORD=Vq7rT2mXk9Lp4sZw\n',
    '.dockerignore': '.git\n',
  });
  assert.match(secret.get(2) ?? '', /'\.env' into the image, so its secrets ship with the image/);
});

test('TF0308: a template whose secrets are empty but for an inline comment (KEY= # the password) holds no secret', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    '.env.example': 'DB_USER= # user here\nDB_PASSWORD= # password of the user here\nDB_HOST=mysql\n',
    Dockerfile: 'FROM python:3.12\nCOPY . .\n',
  });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0308'),
    [],
  );
});

test('TF0308: a compose env_file copied by name before a directory COPY is reported at the named COPY', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: 'FROM python:3.12\nCOPY ./src/.env /app\nCOPY ./src /app/\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: ./src/.env\n',
  });
  const f = result.findings.find((x) => x.ruleId === 'TF0308');
  assert.equal(f?.line, 2);
  assert.match(f?.message ?? '', /copies it by name/);
  assert.match(f?.message ?? '', /Remove the COPY/);
  assert.match(
    f?.message ?? '',
    /Then add 'src\/\.env' to \.dockerignore, as the COPY at line 3 takes it too/,
  );
});

test('TF0308: a compose env_file copied by name after COPY . names the file compose reads, and the COPY . that takes it too', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: 'FROM python:3.12\nCOPY . /app/\nCOPY .env /app/.env\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: .env\n',
    '.env.example': 'DJANGO_SECRET_KEY=SECRET_KEY\n',
  });
  const found = result.findings.filter((x) => x.ruleId === 'TF0308');
  assert.deepEqual(
    found.map((f) => f.line),
    [3],
  );
  assert.match(found[0].message, /Compose reads env_file '\.env'/);
  assert.match(found[0].message, /Then add '\.env' to \.dockerignore, as the COPY at line 2 takes it too/);
});

test('TF0308: an env_file that two compose files name, and a file two apps copy, are each said once on the line', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: 'FROM python:3.12\nCOPY . /app/\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: .env\n',
    'docker-compose.prod.yml': 'services:\n  web:\n    build: .\n    env_file: .env\n',
  });
  const found = result.findings.filter((x) => x.ruleId === 'TF0308');
  assert.deepEqual(
    found.map((f) => f.line),
    [2],
  );
  assert.equal(found[0].message.match(/env_file '\.env'/g)?.length, 1, found[0].message);
});

test('TF0308: a template one compose file loads as env_file is the deploy config in every app that copies it', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/__init__.py': '',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
    '.env.template': 'SECRET_KEY=change-me-to-a-long-random-string-0123456789\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n',
    'ci-compose.yml': 'services:\n  web:\n    build: .\n    env_file:\n      - .env.template\n',
  });
  const messages = result.findings.filter((f) => f.ruleId === 'TF0308').map((f) => f.message);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].split("copies '.env.template'").length - 1, 1, messages[0]);
  assert.match(messages[0], /compose loads it as env_file, so it is the deploy's config/);
  assert.doesNotMatch(messages[0], /so its secrets ship with the image/);
});
