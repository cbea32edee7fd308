import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveAssignments, modelSettings, type IncludeResolver } from '../../src/model/settings.js';
import type { SettingsModel } from '../../src/model/types/settings.js';

const FILES: Record<string, string> = {
  'app/settings/__init__.py': `from .dev import Dev\nfrom .prod import Prod\n`,
  'app/settings/base.py': `from configurations import Configuration, values
from .mixins import Left, Right


class Base(Left, Right, Configuration):
    SECRET_KEY = values.SecretValue()
    DEBUG = values.BooleanValue(False)
    TIME_ZONE = values.Value("UTC", environ_prefix="APP")
    ADMINS_EMAIL = values.Value("a@example.com", environ_name="ADMIN_MAIL", environ_prefix=None)
    PAGE_SIZE = values.IntegerValue(20, environ=False)
    DATABASES = values.DatabaseURLValue("sqlite:///db.sqlite3")
`,
  'app/settings/mixins.py': `class Shared:
    CACHE_SECONDS = 10


class Left(Shared):
    ORDER = "left"


class Right(Shared):
    ORDER = "right"
    CACHE_SECONDS = 60
`,
  'app/settings/dev.py': `from .base import Base\n\n\nclass Dev(Base):\n    DEBUG = True\n`,
  'app/settings/prod.py': `from .base import Base\n\n\nclass Prod(Base):\n    ALLOWED_HOSTS = ["example.com"]\n`,
};

const resolve = (from: string, module: string) => {
  const file = `${from.slice(0, from.lastIndexOf('/'))}/${module.replace(/^\./, '')}.py`;
  return file in FILES ? { file, text: FILES[file] } : undefined;
};

function model(files: Record<string, string>, includes: Partial<IncludeResolver>): SettingsModel {
  const file = 'app/settings/__init__.py';
  const r = modelSettings(file, 'app.settings', files[file], resolve, { files: () => [], ...includes });
  assert.deepEqual(r.errors, []);
  return r.model!;
}

function live(m: SettingsModel, name: string) {
  const found = liveAssignments(m, name);
  assert.equal(found.length, 1, `${name} assigned once, live`);
  return found[0];
}

test('DJANGO_CONFIGURATION selects the class; its MRO sets the settings at their class attribute lines', () => {
  const m = model(FILES, {
    variable: (n) => (n === 'DJANGO_CONFIGURATION' ? 'Prod' : null),
    configuration: 'Dev',
  });
  assert.deepEqual(
    [live(m, 'ALLOWED_HOSTS').file, live(m, 'ALLOWED_HOSTS').line],
    ['app/settings/prod.py', 5],
  );
  const debug = live(m, 'DEBUG');
  assert.equal(debug.file, 'app/settings/base.py');
  assert.equal(debug.value.kind, 'env');
  // C3: Base, Left, Right, Shared: Left's ORDER wins, Right's CACHE_SECONDS over Shared's.
  const order = live(m, 'ORDER');
  assert.deepEqual(order.value.kind === 'literal' && order.value.value, 'left');
  const cache = live(m, 'CACHE_SECONDS');
  assert.deepEqual([cache.line, cache.value.kind === 'literal' && cache.value.value], [11, 60]);
});

test("manage.py's default names the class when the container does not", () => {
  const m = model(FILES, { variable: () => null, configuration: 'Dev' });
  const debug = live(m, 'DEBUG');
  assert.deepEqual([debug.file, debug.line, debug.value.kind], ['app/settings/dev.py', 5, 'literal']);
  assert.equal(liveAssignments(m, 'ALLOWED_HOSTS').length, 0);
});

test('with nothing naming one, the only Configuration class is taken; none when there are several', () => {
  const only = { ...FILES, 'app/settings/__init__.py': `from .prod import Prod\n` };
  assert.equal(live(model(only, {}), 'ALLOWED_HOSTS').file, 'app/settings/prod.py');
  assert.equal(model(FILES, {}).assignments.length, 0);
});

test('values read DJANGO_<NAME> (or environ_prefix/environ_name) with their default', () => {
  const m = model(FILES, { variable: () => null, configuration: 'Prod' });
  const read = (name: string) => m.envReads.find((r) => r.variable === name);
  assert.deepEqual(
    ['DJANGO_SECRET_KEY', 'DJANGO_DEBUG', 'APP_TIME_ZONE', 'ADMIN_MAIL', 'DATABASE_URL'].map((v) => [
      v,
      read(v)?.hasDefault,
      read(v)?.required,
      read(v)?.file,
    ]),
    [
      ['DJANGO_SECRET_KEY', false, true, 'app/settings/base.py'],
      ['DJANGO_DEBUG', true, false, 'app/settings/base.py'],
      ['APP_TIME_ZONE', true, false, 'app/settings/base.py'],
      ['ADMIN_MAIL', true, false, 'app/settings/base.py'],
      ['DATABASE_URL', true, false, 'app/settings/base.py'],
    ],
  );
  const debug = live(m, 'DEBUG').value;
  assert.ok(debug.kind === 'env' && debug.variable === 'DJANGO_DEBUG');
  const pageSize = live(m, 'PAGE_SIZE').value;
  assert.ok(pageSize.kind === 'literal' && pageSize.value === 20);
  assert.equal(
    m.envReads.some((r) => r.variable === 'DJANGO_PAGE_SIZE'),
    false,
  );
  assert.ok(m.databases, 'DATABASES from DATABASE_URL is modelled');
});

test('classes are read only when they derive from configurations.Configuration', () => {
  const plain = {
    'app/settings/__init__.py': `class Settings:\n    DEBUG = True\n`,
  };
  assert.equal(model(plain, { configuration: 'Settings' }).assignments.length, 0);
});
