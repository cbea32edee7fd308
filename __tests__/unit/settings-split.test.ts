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

const CHOSEN: Record<string, string> = {
  'config/settings/production.py': 'SECRET_KEY = "literal-key-in-production"\nDEBUG = False\n',
  'config/settings/development.py': 'SECRET_KEY = "dev"\nDEBUG = True\n',
};

/** The settings package `__init__.py` given, its sibling modules found by a star-import resolver. */
function chosenModel(init: string, variable: IncludeResolver['variable']) {
  const resolve = (_from: string, module: string) => {
    const name = module.replace(/^(\.|config\.settings\.)/, '');
    const file = `config/settings/${name}.py`;
    return file in CHOSEN ? { file, text: CHOSEN[file] } : undefined;
  };
  const file = 'config/settings/__init__.py';
  const r = modelSettings(file, 'config.settings', init, resolve, { variable, files: () => [] });
  assert.deepEqual(r.errors, []);
  return r.model!;
}

test('importlib.import_module of the module an environment variable names, its names copied with globals()', () => {
  const forms = [
    lines(
      'import importlib, os',
      'ENV = os.environ.get("DJANGO_ENV", "production")',
      'module = importlib.import_module(f"config.settings.{ENV}")',
      'globals().update(vars(module))',
    ),
    lines(
      'import os',
      'from importlib import import_module',
      'settings = import_module(".%s" % os.getenv("DJANGO_ENV", "production"), __package__)',
      'for setting in dir(settings):',
      '    if setting.isupper():',
      '        globals()[setting] = getattr(settings, setting)',
    ),
    lines(
      'import importlib, os',
      '_m = importlib.import_module("config.settings." + os.environ.get("DJANGO_ENV", "production"))',
      'globals().update({k: v for k, v in vars(_m).items() if k.isupper()})',
    ),
  ];
  for (const init of forms) {
    // Unset: the default, production
    const m = chosenModel(init, () => null);
    assert.deepEqual(
      liveAssignments(m, 'SECRET_KEY').map((a) => [a.file, a.line]),
      [['config/settings/production.py', 1]],
      init,
    );
    assert.deepEqual(
      m.starImports?.map((s) => s.module),
      [init.includes('".%s"') ? '.production' : 'config.settings.production'],
    );
    // The container's value wins over the default
    const dev = chosenModel(init, (name) => (name === 'DJANGO_ENV' ? 'development' : null));
    assert.deepEqual(
      liveAssignments(dev, 'DEBUG').map((a) => [a.file, a.value.kind === 'literal' ? a.value.value : '?']),
      [['config/settings/development.py', true]],
    );
  }
});

function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}
