import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pythonDepsUnpinned } from '../../src/rules/TF0202-python-deps-unpinned.js';
import { appRuleCases, df } from '../support/rule-cases.js';
import { messages } from '../support/app-fixture.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

appRuleCases(pythonDepsUnpinned, [
  [
    'pip install NAME fires',
    { dockerfile: df('FROM python:3.12', 'RUN pip install django gunicorn==23.0.0') },
    ['Dockerfile:2'],
  ],
  [
    'exact pins, extras and === are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install --no-cache-dir django==5.0.1 "celery[redis]==5.3.6" x===1.0',
      ),
    },
    [],
  ],
  [
    'ranges are not exact pins',
    { dockerfile: df('FROM python:3.12', 'RUN pip3 install "django>=4,<5"') },
    ['Dockerfile:2'],
  ],
  [
    'wildcard == is not exact',
    { dockerfile: df('FROM python:3.12', 'RUN python -m pip install django==5.*') },
    ['Dockerfile:2'],
  ],
  [
    'a version from a variable after == is a pin',
    { dockerfile: df('FROM python:3.12', 'ARG V=5.0', 'RUN pip install "django==$V"') },
    [],
  ],
  [
    "pip's combined short options: -Ur FILE, -rFILE, -qr FILE and -Ue . name files and paths, not packages",
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install -Ur requirements.txt && pip install -rreq.txt && pip install -qr dev.txt -Ue . django',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'requirements files, local paths and wheels are not names',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install -r requirements.txt && pip install . && pip install -e . && pip install ./dist/app-1.0-py3-none-any.whl /src/pkg',
      ),
    },
    [],
  ],
  [
    'a long option shortened to a unique prefix takes its value as pip does: --default is --default-timeout',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install --default 1000 -r requirements.txt && pip --retr 3 install --upgrade-str eager django==5.0',
      ),
    },
    [],
  ],
  [
    'option values are not packages',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install --index-url https://pypi.example/simple --target /deps django==5.0',
      ),
    },
    [],
  ],
  [
    'upgrading pip, setuptools and wheel is tooling: a notice',
    { dockerfile: df('FROM python:3.12', 'RUN pip install --upgrade pip setuptools wheel') },
    ['Dockerfile:2!notice'],
  ],
  [
    'a pinned installer upgrade is fine',
    { dockerfile: df('FROM python:3.12', 'RUN pip install pip==24.3.1') },
    [],
  ],
  [
    'a constraints file pins names',
    { dockerfile: df('FROM python:3.12', 'RUN pip install -c constraints.txt django') },
    [],
  ],
  [
    'URLs and VCS are not by name',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install git+https://github.com/x/y@abc1234 "pkg @ https://x/pkg.zip#sha256=0a1b2c"',
      ),
    },
    [],
  ],
  [
    'a file downloaded by URL without a hash is not pinned; one of the package index is',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install "pkg @ https://x/pkg.zip"',
        'RUN pip install https://x/models/model_lg-2.0.0.tar.gz',
        'RUN pip install https://files.pythonhosted.org/packages/aa/bb/tool-1.0-py3-none-any.whl',
      ),
    },
    ['Dockerfile:2', 'Dockerfile:3'],
  ],
  [
    'a VCS ref that is a branch moves; a version tag or a short commit does not',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install git+https://github.com/x/y@feature/spans-2.0 "z @ git+https://github.com/x/z@main"',
        'RUN pip install git+https://github.com/x/a@release-1.4.2 git+https://github.com/x/b@v2.0rc1 git+https://github.com/x/c@9fceb02',
      ),
    },
    ['Dockerfile:2', 'Dockerfile:2'],
  ],
  ['unknown $PACKAGES stays silent', { dockerfile: df('FROM python:3.12', 'RUN pip install $PACKAGES') }, []],
  [
    'pipx and apt are not pip',
    { dockerfile: df('FROM python:3.12', 'RUN pipx install poetry==1.8.5 && apt-get install -y gcc') },
    [],
  ],
  [
    'the line is the pip command inside a continued RUN',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN apt-get update && \\',
        '    # comment',
        '    pip install \\',
        '      django',
      ),
    },
    ['Dockerfile:4'],
  ],
  [
    'heredoc RUN lines are absolute',
    { dockerfile: df('FROM python:3.12', 'RUN <<EOF', 'set -e', 'pip install requests', 'EOF') },
    ['Dockerfile:4'],
  ],
  [
    'stages outside the target build are not judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS tools',
        'RUN pip install black',
        'FROM python:3.12 AS app',
        'RUN pip install django==5.0',
      ),
      target: 'app',
    },
    [],
  ],
  [
    'a stage the target copies from is judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS build',
        'RUN pip install django',
        'FROM python:3.12-slim',
        'COPY --from=build /usr/local /usr/local',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'unpinned requirement lines fire at their line',
    {
      requirements: [
        {
          file: 'requirements.txt',
          lines: [
            { line: 1, text: 'django==5.0.1', name: 'django', pinned: true, kind: 'package' },
            { line: 2, text: 'gunicorn>=21', name: 'gunicorn', pinned: false, kind: 'package' },
            { line: 3, text: '-r base.txt', pinned: false, kind: 'include' },
            { line: 4, text: '-e .', pinned: false, kind: 'editable' },
          ],
        },
      ],
    },
    ['requirements.txt:2'],
  ],
]);

test('TF0202 python-deps-unpinned: the message names the package', () => {
  assert.match(
    messages(pythonDepsUnpinned, { dockerfile: df('FROM python:3.12', 'RUN pip install django') })[0],
    /'django'/,
  );
});

test('TF0202 python-deps-unpinned: a second pip command run into the first for want of &&', () => {
  const [joined] = messages(pythonDepsUnpinned, {
    dockerfile: df('FROM python:3.12', 'RUN pip3 install -U pip pip3 install requests'),
  });
  assert.match(joined, /two pip commands as one: no `&&` comes before the second `pip3 install`/);
  assert.match(joined, /a project named 'install', beside 'requests' without an exact version/);
  assert.doesNotMatch(joined, /'install' without/);
  const [module] = messages(pythonDepsUnpinned, {
    dockerfile: df('FROM python:3.12', 'RUN python -m pip install -U pip python -m pip install requests'),
  });
  assert.match(module, /before the second `python -m pip install`, so pip install rejects the option -m/);
  // `install` as a package after another name is no second command.
  const [plain] = messages(pythonDepsUnpinned, {
    dockerfile: df('FROM python:3.12', 'RUN pip install django install'),
  });
  assert.match(plain, /^pip installs 'django', 'install' without an exact version/);
});

test('TF0202 python-deps-unpinned: through the real pipeline: pinned ARG tag, heredoc pip install and a requirements line', async () => {
  const result = await analyzeFiles({
    'manage.py': 'import django\n',
    'requirements.txt': 'django==5.0.1\ngunicorn\n',
    Dockerfile: df(
      'ARG PY=3.12',
      'FROM python:${PY}-slim',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN pip install -r requirements.txt',
      'RUN <<EOF',
      'pip install whitenoise',
      'EOF',
      'COPY . .',
      'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
  });
  assert.deepEqual(findingsOf(result, 'TF0201'), []);
  assert.deepEqual(findingsOf(result, 'TF0202'), [
    ['Dockerfile', 7],
    ['requirements.txt', 2],
  ]);
});

test('TF0202 python-deps-unpinned: installs from git without a tag or commit, the pin suggested and no token shown', async () => {
  const result = await analyzeFiles({
    'manage.py': 'import django\n',
    'requirements.txt': [
      'django==5.0.1',
      'git+https://github.com/x/widgets.git',
      'tools @ git+https://ghp_SECRET123@github.com/x/tools.git#egg=tools',
      'git+https://github.com/x/forms.git@v1.2',
      'audit @ git+ssh://git@github.com/x/audit.git@0123456789abcdef0123456789abcdef01234567',
      '-e git+https://github.com/x/lib.git#egg=lib',
      '-e .',
      '',
    ].join('\n'),
    Dockerfile: df(
      'FROM python:3.12-slim',
      'COPY requirements.txt .',
      'RUN pip install -r requirements.txt',
      'RUN pip install git+https://github.com/x/extra.git "other @ git+https://github.com/x/other@v2"',
      'COPY . .',
    ),
  });
  assert.deepEqual(findingsOf(result, 'TF0202'), [
    ['Dockerfile', 4],
    ['requirements.txt', 2],
    ['requirements.txt', 3],
    ['requirements.txt', 6],
  ]);
  const text = result.findings.map((f) => f.message).join('\n');
  assert.ok(!text.includes('SECRET123'));
  assert.match(
    text,
    /Name a tag or commit: tools @ git\+https:\/\/\*\*\*@github\.com\/x\/tools\.git@<tag-or-commit>#egg=tools\./,
  );
  assert.match(text, /git\+https:\/\/github\.com\/x\/extra\.git@<tag-or-commit>/);
});

test('TF0202 python-deps-unpinned: the requirements a python:*-onbuild base installs, and its ONBUILD COPY named', async () => {
  const result = await analyzeFiles({
    'manage.py': 'import django\n',
    'requirements.txt': 'Django\ngunicorn==23.0.0\n',
    'start.sh': '#!/bin/sh\npython manage.py migrate\nexec gunicorn mysite.wsgi\n',
    Dockerfile: df('FROM python:3-onbuild', 'ENTRYPOINT ["sh", "/usr/src/app/start.sh"]'),
  });
  assert.deepEqual(findingsOf(result, 'TF0202'), [['requirements.txt', 1]]);
  // The start script reaches the image through the trigger's COPY . /usr/src/app.
  assert.deepEqual(findingsOf(result, 'TF1202'), [['start.sh', 2]]);
  const tf0102 = result.findings.find((f) => f.ruleId === 'TF0102');
  assert.match(tf0102?.message ?? '', /^The base image python:3-onbuild runs ONBUILD COPY \., which copies/);
});

const PIPFILE = [
  '[packages]',
  'django = "*"', // 2
  'gunicorn = "==22.0.0"',
  'whitenoise = {version = "~=6.7", extras = ["brotli"]}', // 4
  '',
  '[dev-packages]',
  'pytest = "*"', // 7
  '',
].join('\n');

test('TF0202 python-deps-unpinned: a Pipfile installed with --skip-lock, or with no lock in the repository, line by line', async () => {
  for (const [install, lock, expected] of [
    ['RUN pipenv install --system --skip-lock', false, [2, 4]],
    ['RUN pipenv install --system --dev', false, [2, 4, 7]],
    ['RUN python -m pipenv install --system --deploy', true, []],
    ['RUN pipenv install --system', true, []],
    ['RUN pipenv install --system --skip-lock', true, [2, 4]],
    // a package named: not an install of the Pipfile
    ['RUN pipenv install --system django==5.0.6', false, []],
  ] as const) {
    const result = await analyzeFiles({
      'manage.py': 'import django\n',
      Pipfile: PIPFILE,
      ...(lock ? { 'Pipfile.lock': '{"default": {}}\n' } : {}),
      Dockerfile: df(
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'RUN pip install pipenv==2024.0.1',
        'COPY . .',
        install,
        'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
      ),
    });
    assert.deepEqual(
      findingsOf(result, 'TF0202'),
      expected.map((n) => ['Pipfile', n]),
      `${install}${lock ? ' with Pipfile.lock' : ''}`,
    );
    const first = result.findings.find((f) => f.ruleId === 'TF0202');
    if (first)
      assert.match(
        first.message,
        /'django = "\*"' does not pin an exact version.*Write django = "==<version>"/,
      );
  }
});

test('TF0202: pip install -Ur requirements.txt is never read as a package requirements.txt to pin', () => {
  const text = messages(pythonDepsUnpinned, {
    dockerfile: df('FROM python:3.12', 'RUN pip install -Ur requirements.txt -Uq gunicorn'),
  }).join('\n');
  assert.doesNotMatch(text, /requirements\.txt==/);
  assert.match(text, /'gunicorn' without an exact version/);
});

test('TF0202: a plain install of wheel upgrades nothing; only -U/--upgrade is worded as an upgrade', () => {
  const [upgrade, plain, combined] = messages(pythonDepsUnpinned, {
    dockerfile: df(
      'FROM python:3.5',
      'RUN pip3 install --upgrade pip',
      'RUN pip3 install wheel',
      'RUN pip install -qU setuptools wheel',
    ),
  });
  assert.match(upgrade, /pip upgrades the installer itself \('pip'\) to whatever is newest/);
  assert.doesNotMatch(plain, /upgrade/);
  assert.match(plain, /installs the packaging tool 'wheel' without an exact version/);
  assert.match(plain, /changes nothing where the base image already has it/);
  assert.match(combined, /upgrades the installer itself \('setuptools', 'wheel'\)/);
});

test('TF0202: `uv pip install -r pyproject.toml` judges [project] dependencies only, each at its line', async () => {
  const result = await analyzeFiles({
    'manage.py': 'import django\n',
    'pyproject.toml': [
      '[project]', // 1
      'name = "app"', // 2
      'version = "0.1.0"', // 3
      'requires-python = ">=3.12"', // 4
      'dependencies = ["django==5.2.8", "celery>=5.4",', // 5
      '  "redis[hiredis]~=5.0",  # a comment, "not-a-package>=1"', // 6
      ']', // 7
      '[project.optional-dependencies]', // 8
      'dev = ["pytest>=8"]', // 9
      '[tool.ruff.format]', // 10
      'quote-style = "double"', // 11
      '',
    ].join('\n'),
    Dockerfile: df(
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY pyproject.toml .',
      'RUN uv pip install --system -r pyproject.toml',
      'COPY . .',
      'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
  });
  assert.deepEqual(findingsOf(result, 'TF0202'), [
    ['pyproject.toml', 5],
    ['pyproject.toml', 6],
  ]);
  const text = result.findings
    .filter((f) => f.ruleId === 'TF0202')
    .map((f) => f.message)
    .join('\n');
  assert.match(text, /'celery>=5\.4' in \[project\] dependencies .* Pin it \(celery==<version>\)/);
  assert.match(text, /Pin it \(redis\[hiredis\]==<version>\)/);
  assert.doesNotMatch(text, /name==|version==|quote-style|pytest|not-a-package/);
});

const POETRY_PROJECT = [
  '[tool.poetry]',
  'name = "app"',
  '',
  '[tool.poetry.dependencies]',
  'python = "^3.12"', // 5: the interpreter
  'django = "^5.0"', // 6
  'gunicorn = "22.0.0"', // exact in Poetry's syntax
  'channels = { version = "~4.1", extras = ["daphne"] }', // 8
  '',
  '[tool.poetry.group.dev.dependencies]',
  'pytest = "*"', // 11
  '',
  '[tool.poetry.group.docs]',
  'optional = true',
  '',
  '[tool.poetry.group.docs.dependencies]',
  'sphinx = "^7"', // 17
  '',
].join('\n');

test('TF0202 python-deps-unpinned: a Poetry project installed with no poetry.lock, in the groups Poetry installs', async () => {
  for (const [install, lock, expected] of [
    ['RUN poetry install --no-root', false, [6, 8, 11]],
    ['RUN poetry install --no-root', true, []],
    ['RUN poetry install --without dev --no-root', false, [6, 8]],
    ['RUN poetry install --only=main', false, [6, 8]],
    ['RUN poetry install --with docs', false, [6, 8, 11, 17]],
    ['RUN poetry install --only dev,docs', false, [11, 17]],
    ['RUN poetry -C /srv install --no-dev', false, [6, 8]],
    ['RUN poetry install --only-root', false, []],
    // not an install: nothing is resolved
    ['RUN poetry check', false, []],
  ] as const) {
    const result = await analyzeFiles({
      'manage.py': 'import django\n',
      'pyproject.toml': POETRY_PROJECT,
      ...(lock ? { 'poetry.lock': '# locked\n' } : {}),
      Dockerfile: df(
        'FROM python:3.12-slim',
        'WORKDIR /srv/app',
        'RUN pip install poetry==1.8.3',
        'COPY pyproject.toml* poetry.lock* ../',
        install,
        'COPY . .',
        'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
      ),
    });
    assert.deepEqual(
      findingsOf(result, 'TF0202'),
      expected.map((n) => ['pyproject.toml', n]),
      `${install}${lock ? ' with poetry.lock' : ''}`,
    );
    const first = result.findings.find((f) => f.ruleId === 'TF0202');
    if (first && expected[0] === 6)
      assert.match(
        first.message,
        /'django = "\^5\.0"' does not pin an exact version, and the image runs poetry install with no poetry\.lock in the repository.*Write django = "==<version>"/,
      );
  }
});

test('TF0202: --skip-lock beside a committed Pipfile.lock says the lock is ignored, not that it should be committed', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nROOT_URLCONF = 'mysite.urls'\n",
    Pipfile: '[packages]\nDjango = "*"\n',
    'Pipfile.lock': '{"default": {"django": {"version": "==5.0.6"}}}\n',
    Dockerfile:
      'FROM python:3.12\nRUN pip install pipenv==2024.0.1\nCOPY Pipfile .\nRUN pipenv install --skip-lock --system\nCOPY . .\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0202' && f.file === 'Pipfile');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /ignores the Pipfile\.lock the repository holds/);
  assert.match(found[0].message, /copy Pipfile\.lock into the image .* pipenv install --deploy --system/);
  assert.doesNotMatch(found[0].message, /commit Pipfile\.lock/);
});
