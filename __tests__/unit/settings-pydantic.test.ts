import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveAssignments, modelSettings } from '../../src/model/settings.js';

const FILES: Record<string, string> = {
  'app/settings.py': `from .envs import envs

SECRET_KEY = envs.secret_key
DEBUG = envs.debug
if envs.postgres:
    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": envs.postgres.host}}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/data/db.sqlite3"}}
`,
  'app/envs.py': `from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Postgres(BaseModel):
    host: str


class Settings(BaseSettings):
    secret_key: str
    debug: bool = False
    postgres: Postgres
    renamed: str = Field("x", alias="OTHER")

    model_config = SettingsConfigDict(env_prefix="app_", env_nested_delimiter="__")


envs = Settings()
`,
};

const resolve = (from: string, module: string) => {
  const file = `${from.slice(0, from.lastIndexOf('/'))}/${module.replace(/^\./, '')}.py`;
  return file in FILES ? { file, text: FILES[file] } : undefined;
};

test('a pydantic-settings object: each field is read from its prefixed variable, required without a default', () => {
  const m = modelSettings('app/settings.py', 'app.settings', FILES['app/settings.py'], resolve, {
    files: () => [],
  }).model!;
  const [secret] = liveAssignments(m, 'SECRET_KEY');
  assert.equal(secret.value.kind, 'env');
  assert.ok(
    secret.value.kind === 'env' && secret.value.variable === 'APP_SECRET_KEY' && secret.value.required,
  );
  const [debug] = liveAssignments(m, 'DEBUG');
  assert.ok(debug.value.kind === 'env' && debug.value.variable === 'APP_DEBUG' && !debug.value.required);
  // The test on the nested settings selects the engine: the database is not fixed in code.
  const selection = m.databases?.selection;
  assert.deepEqual(selection && selection.kind === 'env' && selection.variable, 'APP_POSTGRES');
});

test('a settings object returned by a memoised getter is the object; another decorator leaves the name unknown', () => {
  const text = (decorator: string) => `import functools
from functools import lru_cache

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    secret_key: str = "literal"


${decorator}
def load():
    return Settings()


SECRET_KEY = load().secret_key
`;
  const secretOf = (decorator: string) =>
    liveAssignments(
      modelSettings('app/settings.py', 'app.settings', text(decorator), resolve, { files: () => [] }).model!,
      'SECRET_KEY',
    )[0].value;
  for (const memoised of ['@lru_cache(maxsize=1)', '@functools.cache']) {
    const v = secretOf(memoised);
    assert.ok(v.kind === 'env' && v.variable === 'SECRET_KEY' && v.fallback?.kind === 'literal', memoised);
  }
  assert.equal(secretOf('@some_registry.register').kind, 'unknown');
});
