import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClassicBuildLog, dockerfileInstructions, locateBuildFailure } from '../../src/smoke/build.js';
import { parseDeployCheck } from '../../src/smoke/deploy-check.js';
import { modelSettings } from '../../src/model/settings.js';
import { planEnv } from '../../src/smoke/env.js';
import { Redactor } from '../../src/smoke/redact.js';
import { releaseArgs, splitRelease } from '../../src/smoke/release.js';

const DOCKERFILE = [
  'ARG BASE_IMAGE=python:3.12-slim',
  'FROM ${BASE_IMAGE}',
  '# install',
  'RUN apt-get update && \\',
  '    apt-get install -y libpq5',
  'COPY . /app',
  'RUN pip install -r requirements.txt',
  'CMD ["gunicorn"]',
].join('\n');

describe('locating the failing build step', () => {
  test('classic builder: the last Step line is matched to its instruction, continuation lines joined', () => {
    const log =
      'Step 1/6 : ARG BASE_IMAGE=python:3.12-slim\nStep 3/6 : RUN apt-get update &&     apt-get install -y libpq5\n ---> Running in 1\nE: Unable to locate package libpq5\n';
    assert.deepEqual(locateBuildFailure(log, DOCKERFILE), {
      line: 4,
      instruction: 'RUN apt-get update &&     apt-get install -y libpq5',
    });
    const pip = 'Step 5/6 : RUN pip install -r requirements.txt\nERROR: No matching distribution\n';
    assert.equal(locateBuildFailure(pip, DOCKERFILE).line, 7);
  });

  test('BuildKit: the Dockerfile:LINE marker wins', () => {
    const log = [
      '#8 [3/4] RUN pip install -r requirements.txt',
      '#8 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
      '------',
      ' > [3/4] RUN pip install -r requirements.txt:',
      '------',
      'Dockerfile:7',
      '--------------------',
      '   5 |     COPY . /app',
      '>>> 7 |     RUN pip install -r requirements.txt',
    ].join('\n');
    const failure = locateBuildFailure(log, DOCKERFILE);
    assert.equal(failure.line, 7);
    assert.equal(failure.instruction, 'RUN pip install -r requirements.txt');
  });

  test('no step in the log: nothing is guessed', () => {
    assert.deepEqual(locateBuildFailure('unable to prepare context: path not found', DOCKERFILE), {});
  });

  test('instructions skip comments and heredoc bodies', () => {
    const lines = dockerfileInstructions('FROM a\n# c\nRUN <<EOF\necho hi\nEOF\nCMD ["x"]\n').map(
      (i) => i.line,
    );
    assert.deepEqual(lines, [1, 3, 6]);
  });
});

describe('layers a classic build commits, read as its log streams', () => {
  const log = [
    'Sending build context to Docker daemon  3.072kB',
    'Step 1/6 : FROM base',
    ' ---> c6a9e571a592',
    'Step 2/6 : COPY a /a',
    ' ---> 2abf136148ca',
    'Step 3/6 : RUN pip install -r requirements.txt',
    ' ---> Using cache',
    ' ---> 1b2c3d4e5f60',
    'Step 4/6 : RUN echo hi > /b',
    ' ---> Running in 303f26c47b03',
    'hi ---> 0123456789ab',
    'Removing intermediate container 303f26c47b03',
    ' ---> fcd96af8ae8a',
    'Step 5/6 : FROM onbuild-base',
    '# Executing 1 build trigger',
    ' ---> Running in 4444c47b0333',
    ' ---> 5555136148ca',
    'Step 6/6 : RUN sleep 3600',
    ' ---> Running in 04dbb3e23c25',
    '',
  ].join('\n');

  test('own layers in order; cached layers and plain bases are not ours but reused; the step under way is known', () => {
    const parsed = new ClassicBuildLog();
    // Chunks end anywhere, mid-line included.
    for (let i = 0; i < log.length; i += 7) parsed.feed(log.slice(i, i + 7));
    assert.deepEqual(parsed.result(), {
      created: ['2abf136148ca', 'fcd96af8ae8a', '5555136148ca'],
      reused: ['c6a9e571a592', '1b2c3d4e5f60'],
      lastLayer: '5555136148ca',
      pendingStep: 'RUN',
      stepContainer: '04dbb3e23c25',
    });
  });

  test('a committed step clears the step container; a last line without a newline still counts', () => {
    const parsed = new ClassicBuildLog();
    parsed.feed(
      'Step 1/2 : FROM base\n ---> c6a9e571a592\nStep 2/2 : ENV A=1\n ---> Running in 303f26c47b03\n',
    );
    parsed.feed(' ---> fcd96af8ae8a');
    assert.deepEqual(parsed.result(), {
      created: ['fcd96af8ae8a'],
      reused: ['c6a9e571a592'],
      lastLayer: 'fcd96af8ae8a',
    });
  });
});

describe('check --deploy output', () => {
  test('one issue per check id, warnings and errors, info left out', () => {
    const issues = parseDeployCheck(
      [
        'System check identified some issues:',
        '',
        'ERRORS:',
        '?: (security.E100) DEFAULT_HASHING_ALGORITHM must be sha1 or sha256.',
        'WARNINGS:',
        '?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting.',
        '?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting.',
        'blog.Post: (models.W042) Auto-created primary key used when not defining a primary key type.',
        '\tHINT: Configure the DEFAULT_AUTO_FIELD setting.',
        'INFO:',
        '?: (x.I001) informational',
      ].join('\n'),
    );
    assert.deepEqual(
      issues.map((i) => [i.id, i.level, i.object]),
      [
        ['security.E100', 'error', '?'],
        ['security.W004', 'warning', '?'],
        ['models.W042', 'warning', 'blog.Post'],
      ],
    );
  });
});

describe('release one-off output', () => {
  const M = 'tfr-step-r1';
  test('each command gets its own output, exit code and duration', () => {
    const parts = splitRelease(
      {
        exitCode: 0,
        stdout: `\n${M} 0 0 210\nOperations to perform:\n  Apply all migrations\n${M} 1 0 640\ntfr-written\n${M} 2 0 90\n`,
        stderr: `System check identified 1 issue\n${M} 0 0 210\n\n${M} 1 0 640\n\n${M} 2 0 90\n`,
      },
      M,
      3,
    );
    assert.deepEqual(
      parts.map((p) => [p.exitCode, p.finished, p.durationMs]),
      [
        [0, true, 210],
        [0, true, 640],
        [0, true, 90],
      ],
    );
    assert.equal(parts[0].stderr, 'System check identified 1 issue');
    assert.match(parts[1].stdout, /^Operations to perform:\n {2}Apply all migrations$/);
    assert.equal(parts[2].stdout, 'tfr-written');
  });

  test('a command the one-off ended during holds the rest of the output and its exit code', () => {
    const parts = splitRelease(
      { exitCode: 137, stdout: `\n${M} 0 1 200\nApplying auth.0001_initial...`, stderr: `\n${M} 0 1 200\n` },
      M,
      3,
    );
    assert.deepEqual(
      parts.map((p) => [p.exitCode, p.finished]),
      [
        [1, true],
        [137, false],
      ],
    );
    assert.equal(parts[1].stdout, 'Applying auth.0001_initial...');
  });

  test('a one-off that ended before any command (no python, a failing entrypoint) has one unfinished part', () => {
    const parts = splitRelease({ exitCode: 127, stdout: '', stderr: 'sh: 1: exec: : not found\n' }, M, 3);
    assert.equal(parts.length, 1);
    assert.equal(parts[0].finished, false);
    assert.equal(parts[0].exitCode, 127);
    assert.match(parts[0].stderr, /not found/);
  });

  test('commands not reached after a failure that stops the one-off are absent', () => {
    const parts = splitRelease(
      {
        exitCode: 0,
        stdout: `\n${M} 0 0 1\n\n${M} 1 1 2\n`,
        stderr: `\n${M} 0 0 1\nCommandError: x\n${M} 1 1 2\n`,
      },
      M,
      3,
    );
    assert.deepEqual(
      parts.map((p) => p.exitCode),
      [0, 1],
    );
    assert.equal(parts[1].stderr, 'CommandError: x');
  });

  test('the driver gets the marker and the steps as its arguments', () => {
    const [driver, marker, steps] = releaseArgs(M, [{ argv: ['migrate', '--noinput'], stopOnFailure: true }]);
    assert.match(driver, /runpy\.run_path\("manage\.py", run_name="__main__"\)/);
    assert.equal(marker, M);
    assert.deepEqual(JSON.parse(steps), [{ argv: ['migrate', '--noinput'], stopOnFailure: true }]);
  });
});

describe('redaction', () => {
  test('every registered secret is masked, longest first; short values and ordinary words are not secrets', () => {
    const seen: string[] = [];
    const r = new Redactor((s) => seen.push(s));
    r.add('s3cr3t-value');
    r.add('s3cr3t-value-longer');
    r.add('abc');
    r.add('pw12345');
    r.add('changeme');
    r.add('Postgres');
    assert.equal(
      r.redact('a s3cr3t-value-longer and s3cr3t-value, abc pw12345 changeme Postgres'),
      'a *** and ***, abc pw12345 changeme Postgres',
    );
    assert.deepEqual(seen, ['s3cr3t-value', 's3cr3t-value-longer']);
  });
});

describe('environment per engine', () => {
  const random = (n: number) => 'f'.repeat(n * 2);
  const pg = { host: 'tfr-x-postgres-db', port: 5432, name: 'tfr_db', user: 'tfr_u', password: 'pw-123456' };

  test('compose variables pass through as written (interpolated secrets aside); the engine switch uses the value the settings compare with', () => {
    const { env, secrets } = planEnv({
      engine: 'postgres',
      settings: {
        file: 's.py',
        module: 's',
        assignments: [],
        envReads: [{ variable: 'DJANGO_DB', line: 1, required: false, hasDefault: true }],
        databases: {
          line: 3,
          selection: { kind: 'env', variable: 'DJANGO_DB', line: 1 },
          configs: [
            {
              engine: 'django.db.backends.postgresql',
              line: 3,
              fields: {},
              selectedBy: { variable: 'DJANGO_DB', value: 'pg' },
            },
          ],
        },
        logHandlers: [],
      },
      composeEnv: [
        { name: 'TZ', value: 'UTC', interpolated: false, source: 'environment', file: 'c.yml', line: 1 },
        {
          name: 'API_TOKEN',
          value: 'tok-abcdef',
          interpolated: false,
          source: 'environment',
          file: 'c.yml',
          line: 2,
        },
        {
          name: 'PASSED_TOKEN',
          value: 'from-the-runner',
          interpolated: true,
          source: 'environment',
          file: 'c.yml',
          line: 2,
        },
        {
          name: 'DATABASE_URL',
          value: 'postgres://app@db/app',
          interpolated: false,
          source: 'environment',
          file: 'c.yml',
          line: 3,
        },
        {
          name: 'POSTGRES_HOST',
          value: 'db',
          interpolated: false,
          source: 'environment',
          file: 'c.yml',
          line: 4,
        },
      ],
      imageEnvNames: [],
      postgres: pg,
      sqliteUrl: 'sqlite:////data/db.sqlite3',
      random,
    });
    assert.equal(env.TZ, 'UTC');
    // A literal committed to the compose file runs as provided and is not a secret to mask (it is public).
    assert.equal(env.API_TOKEN, 'tok-abcdef');
    assert.ok(!secrets.includes('tok-abcdef'));
    assert.equal(env.PASSED_TOKEN, undefined);
    // The compose service's own database settings are not passed on: this run attaches its own database.
    assert.equal(env.DATABASE_URL, 'postgres://tfr_u:pw-123456@tfr-x-postgres-db:5432/tfr_db');
    assert.equal(env.POSTGRES_HOST, undefined);
    assert.equal(env.DJANGO_DB, 'pg');
    assert.equal(env.DB_ENGINE, 'postgres');
    assert.equal(env.DB_PASSWORD, 'pw-123456');
    assert.ok(secrets.includes('pw-123456'));
  });

  test('a SECRET_KEY the image or the compose service sets is not replaced by a generated one', () => {
    const plan = (imageEnvNames: string[], composeKey?: string) =>
      planEnv({
        engine: 'sqlite',
        composeEnv: composeKey
          ? [
              {
                name: 'DJANGO_SECRET_KEY',
                value: composeKey,
                interpolated: false,
                source: 'environment',
                file: 'c.yml',
                line: 1,
              },
            ]
          : [],
        imageEnvNames,
        sqliteUrl: 'sqlite:////data/db.sqlite3',
        random,
      });
    const fromImage = plan(['SECRET_KEY']);
    assert.equal(fromImage.env.SECRET_KEY, undefined);
    assert.equal(fromImage.env.DJANGO_SECRET_KEY, 'f'.repeat(64));
    const fromCompose = plan([], 'weak-compose-key');
    assert.equal(fromCompose.env.DJANGO_SECRET_KEY, 'weak-compose-key');
    assert.equal(fromCompose.env.SECRET_KEY, 'f'.repeat(64));
    assert.deepEqual(fromCompose.secrets, ['f'.repeat(64)]);
  });

  test('an ENGINE read straight from the variable gets the backend module', () => {
    const { env } = planEnv({
      engine: 'sqlite',
      settings: {
        file: 's.py',
        module: 's',
        assignments: [],
        envReads: [],
        databases: {
          line: 3,
          selection: { kind: 'env', variable: 'DB_ENGINE', line: 1 },
          configs: [
            {
              line: 3,
              fields: {
                ENGINE: { kind: 'env', variable: 'DB_ENGINE', via: 'environ.get', required: false, line: 4 },
              },
            },
          ],
        },
        logHandlers: [],
      },
      composeEnv: [],
      imageEnvNames: [],
      sqliteUrl: 'sqlite:////data/db.sqlite3',
      random,
    });
    assert.equal(env.DB_ENGINE, 'django.db.backends.sqlite3');
  });

  test('an ENGINE built from DB_ENGINE and the module path gets the part it lacks: sqlite3, postgresql', () => {
    const { model: settings } = modelSettings(
      'mysite/settings.py',
      'mysite.settings',
      [
        'import os',
        'DATABASES = {"default": {',
        '    "ENGINE": "django.db.backends." + os.environ.get("DB_ENGINE", "sqlite3"),',
        '    "NAME": os.environ.get("DB_NAME", "/data/db.sqlite3"),',
        '    "HOST": os.environ.get("DB_HOST", ""),',
        '}}',
      ].join('\n'),
    );
    const plan = (engine: 'sqlite' | 'postgres') =>
      planEnv({
        engine,
        settings,
        composeEnv: [],
        imageEnvNames: [],
        ...(engine === 'postgres' ? { postgres: pg } : {}),
        sqliteUrl: 'sqlite:////data/db.sqlite3',
        random,
      }).env;
    assert.equal(plan('sqlite').DB_ENGINE, 'sqlite3');
    assert.equal(plan('postgres').DB_ENGINE, 'postgresql');
    assert.equal(plan('postgres').DB_HOST, pg.host);
  });

  test('a server database chosen by the presence of a variable: SQLite leaves it unset, PostgreSQL gives it its field', () => {
    const { model: settings } = modelSettings(
      'mysite/settings.py',
      'mysite.settings',
      [
        'import os',
        "if 'POSTGRES_DB' in os.environ:",
        "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ['POSTGRES_DB'],",
        "        'USER': os.environ['POSTGRES_USER'], 'HOST': os.environ.get('POSTGRES_HOST', 'db')}}",
        'else:',
        "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
      ].join('\n'),
    );
    const plan = (engine: 'sqlite' | 'postgres') =>
      planEnv({
        engine,
        settings,
        composeEnv: [],
        imageEnvNames: [],
        ...(engine === 'postgres' ? { postgres: pg } : {}),
        sqliteUrl: 'sqlite:////data/db.sqlite3',
        random,
      }).env;
    assert.equal(plan('sqlite').POSTGRES_DB, undefined);
    assert.equal(plan('postgres').POSTGRES_DB, pg.name);
    assert.equal(plan('postgres').POSTGRES_USER, pg.user);
  });

  test('a database URL parsed by hand: each engine gets a URL in it, never a bare engine name', () => {
    const settingsOf = (read: string) =>
      modelSettings(
        'mysite/settings.py',
        'mysite.settings',
        [
          'import os',
          'from urllib.parse import urlparse',
          `_db = urlparse(${read})`,
          "if _db.scheme == 'sqlite':",
          "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': _db.path[1:]}}",
          'else:',
          "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': _db.path[1:],",
          "        'USER': _db.username, 'PASSWORD': _db.password, 'HOST': _db.hostname, 'PORT': _db.port}}",
        ].join('\n'),
      ).model;
    const plan = (engine: 'sqlite' | 'postgres', read: string) =>
      planEnv({
        engine,
        settings: settingsOf(read),
        composeEnv: [],
        imageEnvNames: [],
        ...(engine === 'postgres' ? { postgres: pg } : {}),
        sqliteUrl: 'sqlite:////data/db.sqlite3',
        random,
      }).env;
    const withDefault = "os.environ.get('DATABASE_URL', 'sqlite:////var/lib/notes/notes.sqlite3')";
    assert.equal(plan('sqlite', withDefault).DATABASE_URL, undefined);
    assert.equal(
      plan('postgres', withDefault).DATABASE_URL,
      'postgres://tfr_u:pw-123456@tfr-x-postgres-db:5432/tfr_db',
    );
    const required = "os.environ['DATABASE_URL']";
    assert.equal(plan('sqlite', required).DATABASE_URL, 'sqlite:////data/db.sqlite3');
    assert.equal(
      plan('postgres', required).DATABASE_URL,
      'postgres://tfr_u:pw-123456@tfr-x-postgres-db:5432/tfr_db',
    );
  });

  test('a URL-only app is pointed at a SQLite file when its default is not SQLite', () => {
    const { env } = planEnv({
      engine: 'sqlite',
      settings: {
        file: 's.py',
        module: 's',
        assignments: [],
        envReads: [{ variable: 'DATABASE_URL', line: 1, required: true, hasDefault: false }],
        databases: { line: 3, selection: { kind: 'url', variable: 'DATABASE_URL', line: 3 }, configs: [] },
        logHandlers: [],
      },
      composeEnv: [],
      imageEnvNames: [],
      sqliteUrl: 'sqlite:////data/db.sqlite3',
      random,
    });
    assert.equal(env.DATABASE_URL, 'sqlite:////data/db.sqlite3');
  });
});
