import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveAssignments, modelSettings } from '../../src/model/settings.js';
import type { SettingsModel, ValueSource } from '../../src/model/types/settings.js';

function model(text: string): SettingsModel {
  const r = modelSettings('mysite/settings.py', 'mysite.settings', text);
  assert.deepEqual(r.errors, [], `unexpected parse errors: ${JSON.stringify(r.errors)}`);
  assert.ok(r.model);
  return r.model;
}

/** The one live value of a setting. */
function value(m: SettingsModel, name: string): ValueSource {
  const live = liveAssignments(m, name);
  assert.equal(live.length, 1, `${name}: expected one live assignment, got ${live.length}`);
  return live[0].value;
}

// Each test, and the value the branch it guards gives in a Linux container.
const PLATFORM_TESTS: [string, string, boolean][] = [
  ['import platform', 'platform.system() == "Linux"', true],
  ['import platform', 'platform.system() != "Windows"', true],
  ['import platform', 'platform.system() == "Darwin"', false],
  ['import platform', 'platform.system().lower() == "windows"', false],
  ['import sys', 'sys.platform.startswith("win")', false],
  ['import sys', 'not sys.platform.startswith("win")', true],
  ['import sys', 'sys.platform == "darwin"', false],
  ['import sys', 'sys.platform in ("win32", "cygwin")', false],
  ['import sys', 'sys.platform.startswith("linux")', true],
  ['from sys import platform', 'platform == "win32"', false],
  ['import os', 'os.name == "nt"', false],
  ['import os', 'os.name == "posix"', true],
];

for (const [imports, testText, holds] of PLATFORM_TESTS)
  test(`a platform test is settled in the container: ${testText} is ${String(holds)}`, () => {
    const m = model(`${imports}
if ${testText}:
    MODE = "taken"
else:
    MODE = "other"
`);
    assert.deepEqual(value(m, 'MODE'), {
      kind: 'literal',
      value: holds ? 'taken' : 'other',
      line: holds ? 3 : 5,
    });
  });

test('a conditional expression on the platform gives the Linux value', () => {
  const m = model(`import platform
DEBUG = False if platform.system() == "Linux" else True
`);
  assert.deepEqual(value(m, 'DEBUG'), { kind: 'literal', value: false, line: 2 });
});

test('a platform call the container does not settle keeps both branches', () => {
  const m = model(`import platform
if platform.node() == "build-box":
    MODE = "taken"
else:
    MODE = "other"
`);
  assert.equal(liveAssignments(m, 'MODE').length, 2);
});
