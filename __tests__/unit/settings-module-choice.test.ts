import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chosenSettingsModule, settingsModuleSwitch } from '../../src/model/settings-module-choice.js';

const unset = () => null;
const env =
  (values: Record<string, string>) =>
  (name: string): string | null =>
    values[name] ?? null;

const MANAGE_CONCAT = `#!/usr/bin/env python
import os
import sys

def main():
    environment = os.getenv('ENV', 'local')
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.' + environment)
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
`;

test('a module named by concatenation: the default when the variable is unset, the container value when set', () => {
  assert.equal(chosenSettingsModule(MANAGE_CONCAT, unset), 'config.settings.local');
  assert.equal(chosenSettingsModule(MANAGE_CONCAT, env({ ENV: 'prod' })), 'config.settings.prod');
  // set from an env_file (unknown): the default in the code
  assert.equal(
    chosenSettingsModule(MANAGE_CONCAT, () => undefined),
    'config.settings.local',
  );
});

test('f-strings, %-format, .format() and an inline os.environ.get', () => {
  const f = `ENV = os.environ.get("DJANGO_ENV", "development")\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", f"config.settings.{ENV}")\n`;
  assert.equal(chosenSettingsModule(f, unset), 'config.settings.development');
  const inline = `os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"app.settings.{os.environ.get('DJANGO_ENV', 'dev')}")\n`;
  assert.equal(chosenSettingsModule(inline, env({ DJANGO_ENV: 'production' })), 'app.settings.production');
  const percent = `os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings.%s' % os.getenv('STAGE', 'local'))\n`;
  assert.equal(chosenSettingsModule(percent, unset), 'app.settings.local');
  const format = `stage = config('STAGE', default='base')\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings.{}'.format(stage))\n`;
  assert.equal(chosenSettingsModule(format, unset), 'app.settings.base');
  assert.equal(
    chosenSettingsModule(`os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n`, unset),
    'app.settings',
  );
});

const MANAGE_IF = `import os
from decouple import config

def main():
    if config("DEBUG") == "1":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.development")
    else:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.production")
    execute_from_command_line(sys.argv)
`;

test('a module chosen by an if: the branch the container environment takes', () => {
  assert.equal(chosenSettingsModule(MANAGE_IF, unset), 'app.settings.production');
  assert.equal(chosenSettingsModule(MANAGE_IF, env({ DEBUG: '1' })), 'app.settings.development');
  const elif = `env = os.environ.get('DJANGO_ENV', 'dev')
if env == 'prod':
    os.environ['DJANGO_SETTINGS_MODULE'] = 'app.settings.prod'
elif env in ('dev', 'local'):
    os.environ['DJANGO_SETTINGS_MODULE'] = 'app.settings.dev'
else:
    os.environ['DJANGO_SETTINGS_MODULE'] = 'app.settings.base'
`;
  assert.equal(chosenSettingsModule(elif, unset), 'app.settings.dev');
  assert.equal(chosenSettingsModule(elif, env({ DJANGO_ENV: 'prod' })), 'app.settings.prod');
  assert.equal(chosenSettingsModule(elif, env({ DJANGO_ENV: 'qa' })), 'app.settings.base');
  const bool = `if config('DEBUG', default=False, cast=bool):\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'a.dev')\nelse:\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'a.prod')\n`;
  assert.equal(chosenSettingsModule(bool, env({ DEBUG: 'False' })), 'a.prod');
  assert.equal(chosenSettingsModule(bool, env({ DEBUG: 'true' })), 'a.dev');
});

test('nothing when no setter is found', () => {
  assert.equal(chosenSettingsModule('import os\n', unset), undefined);
});

test('a setter written over several lines, its result assigned, after a module-level name of the same spelling', () => {
  const manage = [
    'import os',
    'environment = "environment.json"',
    'def main():',
    "    environment = os.getenv('ENV', 'local')",
    '    settings = os.environ.setdefault(',
    "        'DJANGO_SETTINGS_MODULE', 'config.settings.' + environment)",
    '',
  ].join('\n');
  assert.equal(chosenSettingsModule(manage, unset), 'config.settings.local');
  const wsgi = [
    'import os',
    "environment = os.getenv('ENV', 'local')",
    "os.environ.setdefault('DJANGO_SETTINGS_MODULE',",
    "                      'config.settings.' + environment)  # (a comment)",
    '',
  ].join('\n');
  assert.equal(chosenSettingsModule(wsgi, env({ ENV: 'prod' })), 'config.settings.prod');
});

test('a match on an Enum built from a variable: the case arm the environment takes, else the wildcard', () => {
  const helper = [
    'import os',
    'from enum import Enum',
    'class Stage(Enum):',
    '    LOCAL = "Local"',
    '    PRODUCTION = "Production"',
    'class StageModule(Enum):',
    '    LOCAL = "settings.local"',
    '    PRODUCTION = "settings.production"',
    '    def __str__(self):',
    '        return self.value',
    'stage: Enum = Stage(str(os.environ.get("STAGE", "Local")))',
    'def load():',
    '    match stage:',
    '        case Stage.LOCAL:',
    '            os.environ.setdefault("DJANGO_SETTINGS_MODULE", str(StageModule.LOCAL))',
    '        case Stage.PRODUCTION:',
    '            os.environ.setdefault("DJANGO_SETTINGS_MODULE", str(StageModule.PRODUCTION))',
    'load()',
    '',
  ].join('\n');
  assert.equal(chosenSettingsModule(helper, env({ STAGE: 'Production' })), 'settings.production');
  assert.equal(chosenSettingsModule(helper, unset), 'settings.local');
  const wildcard = [
    'import os',
    'match os.environ.get("STAGE"):',
    '    case "prod":',
    '        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.prod")',
    '    case _:',
    '        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.dev")',
    '',
  ].join('\n');
  assert.equal(chosenSettingsModule(wildcard, env({ STAGE: 'prod' })), 'config.prod');
  assert.equal(chosenSettingsModule(wildcard, env({ STAGE: 'qa' })), 'config.dev');
});

const MANAGE_MAIN_BLOCK = `import os
import sys

import environ

env = environ.Env()
env.read_env()

if __name__ == "__main__":
    environment = env("ENVIRONMENT")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"config.settings.{environment}")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
`;

test("manage.py's main block runs: a name it assigns there names the module", () => {
  const source = { file: 'manage.py', imported: () => undefined };
  assert.equal(
    chosenSettingsModule(MANAGE_MAIN_BLOCK, env({ ENVIRONMENT: 'local' }), source),
    'config.settings.local',
  );
  // Another module's main block does not run when it is imported (a wsgi module, say).
  assert.equal(
    chosenSettingsModule(MANAGE_MAIN_BLOCK, env({ ENVIRONMENT: 'local' }), {
      ...source,
      file: 'config/wsgi.py',
    }),
    undefined,
  );
});

const WSGI_CONDITIONAL = `import os
from django.core.wsgi import get_wsgi_application

mode = os.getenv("SITE_MODE") if os.getenv("SITE_MODE") == "live" else "local"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"blog.settings.{mode}")
application = get_wsgi_application()
`;

test('a conditional expression picks the module: its else part when unset, the other part for the value it tests', () => {
  assert.equal(chosenSettingsModule(WSGI_CONDITIONAL, unset), 'blog.settings.local');
  assert.equal(chosenSettingsModule(WSGI_CONDITIONAL, env({ SITE_MODE: 'live' })), 'blog.settings.live');
  assert.equal(chosenSettingsModule(WSGI_CONDITIONAL, env({ SITE_MODE: 'staging' })), 'blog.settings.local');
});

test('the variable that switches the module, where the container does not set it', () => {
  assert.deepEqual(settingsModuleSwitch(WSGI_CONDITIONAL, unset), {
    fallback: 'blog.settings.local',
    variable: 'SITE_MODE',
    line: 4,
    alternatives: [{ module: 'blog.settings.live', value: 'live' }],
  });
  // the container sets it: its value decides, nothing switches
  assert.equal(settingsModuleSwitch(WSGI_CONDITIONAL, env({ SITE_MODE: 'live' })), undefined);
  // a module named by concatenation has no value to compare with: no alternatives known
  assert.equal(settingsModuleSwitch(MANAGE_CONCAT, unset), undefined);
});
