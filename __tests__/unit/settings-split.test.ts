import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveAssignments, modelSettings, type IncludeResolver } from '../../src/model/settings.js';

const FILES: Record<string, string> = {
  'config/settings/__init__.py': `from split_settings.tools import include, optional
import os

ENV = os.environ.get("DJANGO_ENV", "development")

include(
    "components/*.py",
    optional("local_settings.py"),
    f"environments/{ENV}.py",
)
`,
  'config/settings/components/base.py': `import os\n\nSECRET_KEY = "literal-key-in-base-component"\nDEBUG = False\n`,
  'config/settings/components/database.py': `DATABASES = {\n    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}\n}\n`,
  'config/settings/environments/development.py': `DEBUG = True\n`,
  'config/settings/environments/production.py': `DEBUG = False\nSECRET_KEY = os.environ["SECRET_KEY"]\n`,
};

function includes(variable: IncludeResolver['variable']): IncludeResolver {
  return {
    variable,
    files: (from, pattern) => {
      const dir = from.slice(0, from.lastIndexOf('/'));
      const re = new RegExp(`^${`${dir}/${pattern}`.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
      return Object.keys(FILES)
        .filter((f) => re.test(f))
        .sort()
        .map((file) => ({ file, text: FILES[file] }));
    },
  };
}

function model(variable: IncludeResolver['variable']) {
  const file = 'config/settings/__init__.py';
  const r = modelSettings(file, 'config.settings', FILES[file], undefined, includes(variable));
  assert.deepEqual(r.errors, []);
  return r.model!;
}

test('django-split-settings: included files run in order in one namespace, findings anchored in them', () => {
  const m = model(() => null);
  const key = liveAssignments(m, 'SECRET_KEY');
  assert.deepEqual(
    key.map((a) => [a.file, a.line]),
    [['config/settings/components/base.py', 3]],
  );
  // DJANGO_ENV unset: the default, development, whose DEBUG = True comes last
  const debug = liveAssignments(m, 'DEBUG');
  assert.deepEqual(
    debug.map((a) => [a.file, a.line, a.value.kind === 'literal' ? a.value.value : a.value.kind]),
    [['config/settings/environments/development.py', 1, true]],
  );
  assert.equal(m.databases?.configs[0]?.engine, 'django.db.backends.sqlite3');
  assert.equal(m.databases?.file ?? m.databases?.configs[0]?.file, 'config/settings/components/database.py');
});

test('django-split-settings: the environment file the container selects', () => {
  const m = model((name) => (name === 'DJANGO_ENV' ? 'production' : null));
  assert.deepEqual(
    liveAssignments(m, 'DEBUG').map((a) => [a.file, a.line]),
    [['config/settings/environments/production.py', 1]],
  );
  assert.deepEqual(
    liveAssignments(m, 'SECRET_KEY').map((a) => [a.file, a.value.kind]),
    [['config/settings/environments/production.py', 'env']],
  );
});
