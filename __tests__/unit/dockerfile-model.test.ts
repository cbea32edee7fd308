import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { modelDockerfile } from '../../src/model/dockerfile.js';
import { requirementArgs } from '../../src/model/install-args.js';
import type { CopyInstr, EnvInstr, RunInstr } from '../../src/model/types/dockerfile.js';

const model = (text: string, options = {}) => {
  const r = modelDockerfile('Dockerfile', text, options);
  assert.ok(r.model, JSON.stringify(r.errors));
  return r.model;
};

test('global ARGs resolve in FROM with defaults, build args and ${VAR:-x}; unknown values stay unresolved', () => {
  const text =
    'ARG PY=3.12\nARG DIST\nFROM python:${PY}-slim AS a\nFROM python:$DIST\nFROM python:${DIST:-3.11}\nFROM python:$UNSET\nFROM --platform=$BUILDPLATFORM node:${NODE:-20}\n';
  const m = model(text);
  assert.deepEqual(
    m.stages.map((s) => s.from.image),
    ['python:3.12-slim', undefined, 'python:3.11', undefined, 'node:20'],
  );
  assert.equal(m.stages[0].from.tag, '3.12-slim');
  assert.deepEqual(
    m.globalArgs.map((a) => [a.name, a.default, a.value]),
    [
      ['PY', '3.12', '3.12'],
      ['DIST', undefined, undefined],
    ],
  );
  const withArgs = model(text, { buildArgs: { PY: '3.13', DIST: 'bookworm' } });
  assert.deepEqual(
    withArgs.stages.slice(0, 3).map((s) => s.from.image),
    ['python:3.13-slim', 'python:bookworm', 'python:bookworm'],
  );
});

test('image references: registry ports, digests, stage references and scratch', () => {
  const m = model(
    'FROM localhost:5000/team/py:3.12@sha256:abc AS base\nFROM base AS app\nFROM scratch\nFROM BASE\n',
  );
  assert.deepEqual(
    m.stages.map((s) => [s.from.repository, s.from.tag, s.from.digest, s.from.stageRef, s.from.scratch]),
    [
      ['localhost:5000/team/py', '3.12', 'sha256:abc', undefined, false],
      [undefined, undefined, undefined, 0, false],
      [undefined, undefined, undefined, undefined, true],
      [undefined, undefined, undefined, 0, false],
    ],
  );
});

test('stage ARG, ENV and WORKDIR resolution; COPY destinations against WORKDIR', () => {
  const m = model(
    [
      'ARG APP=/srv',
      'FROM python:3.12',
      'ARG APP',
      'ENV HOME_DIR=$APP/home A=1 B="two words" LEGACY_SAFE=x',
      'ENV OLD value with spaces',
      'WORKDIR ${HOME_DIR}',
      'WORKDIR app',
      'COPY requirements.txt .',
      'COPY --chown=app:app ./src/ src/',
      'COPY ["entrypoint.sh", "/usr/local/bin/"]',
      'WORKDIR $NOT_KNOWN',
      'COPY x ./y',
    ].join('\n'),
  );
  const stage = m.stages[0];
  assert.deepEqual(stage.env, {
    HOME_DIR: '/srv/home',
    A: '1',
    B: 'two words',
    LEGACY_SAFE: 'x',
    OLD: 'value with spaces',
  });
  const copies = stage.instructions.filter((i) => i.keyword === 'COPY') as CopyInstr[];
  assert.deepEqual(
    copies.map((c) => [c.sources, c.dest]),
    [
      [['requirements.txt'], '/srv/home/app'],
      [['./src/'], '/srv/home/app/src/'],
      [['entrypoint.sh'], '/usr/local/bin/'],
      [['x'], './y'],
    ],
  );
  assert.equal(stage.workdir, '$NOT_KNOWN');
  const env = stage.instructions.find((i) => i.keyword === 'ENV') as EnvInstr;
  assert.deepEqual(
    env.pairs.map((p) => p.raw),
    ['$APP/home', '1', '"two words"', 'x'],
  );
});

test('a stage FROM another inherits its build arguments; a stage FROM an image does not', () => {
  const m = model(
    [
      'FROM python:3.12 AS base',
      'ARG HOME_DIR=/srv/shop',
      'FROM base AS release',
      'COPY . ${HOME_DIR}',
      'FROM python:3.12 AS other',
      'COPY . ${HOME_DIR}',
    ].join('\n'),
  );
  const dest = (i: number) => (m.stages[i].instructions.find((x) => x.keyword === 'COPY') as CopyInstr).dest;
  assert.equal(dest(1), '/srv/shop');
  // HOME_DIR is not the official python image's: the destination is the working directory.
  assert.equal(dest(2), '/');
});

test('a variable neither declared nor set by the official python image expands to nothing', () => {
  const m = model(
    [
      'FROM python:3.12-slim AS app',
      'WORKDIR /app',
      'COPY . $project',
      'ENV HOME_DIR=${HOME:-/root} PY=$PYTHON_VERSION',
      'FROM app AS release',
      'COPY x $other/x',
      'FROM acme/python:3.12',
      'WORKDIR /app',
      'COPY . $project',
    ].join('\n'),
  );
  const dest = (i: number) => (m.stages[i].instructions.find((x) => x.keyword === 'COPY') as CopyInstr).dest;
  assert.equal(dest(0), '/app');
  assert.deepEqual(m.stages[0].env, { HOME_DIR: '/root', PY: undefined });
  assert.equal(dest(1), '/x');
  // Another publisher's image may set it.
  assert.equal(dest(2), '${project}');
});

test('ENV pairs of one instruction see the environment before it; ENV beats ARG', () => {
  const m = model('FROM a\nARG V=arg\nENV V=first\nENV V=second W=$V\nENV X=$V\n');
  assert.deepEqual(m.stages[0].env, { V: 'second', W: 'first', X: 'second' });
});

test('continuation lines, comments inside them and RUN flags keep the right file lines', () => {
  const m = model(
    [
      'FROM python:3.12',
      'RUN --mount=type=cache,target=/root/.cache/pip \\',
      '    apt-get update && \\',
      '    # build deps',
      '',
      '    apt-get install -y gcc && \\',
      '    pip install \\',
      '      django==5.0 gunicorn',
      'CMD gunicorn \\',
      '  -b 0.0.0.0:8000 mysite.wsgi',
    ].join('\n'),
  );
  const run = m.stages[0].instructions[0] as RunInstr;
  assert.deepEqual([run.line, run.endLine, run.mounts], [2, 8, ['type=cache,target=/root/.cache/pip']]);
  assert.deepEqual(
    run.script?.commands.map((c) => [c.line, c.argv.join(' ')]),
    [
      [3, 'apt-get update'],
      [6, 'apt-get install -y gcc'],
      [7, 'pip install django==5.0 gunicorn'],
    ],
  );
  assert.deepEqual(
    m.stages[0].cmd?.script?.commands.map((c) => [c.line, c.argv]),
    [[9, ['gunicorn', '-b', '0.0.0.0:8000', 'mysite.wsgi']]],
  );
});

test("heredocs: a bare RUN <<EOF runs its body with the body's lines; other heredocs go to the shell", () => {
  const m = model(
    [
      'FROM python:3.12',
      'RUN <<EOF',
      'set -e',
      'pip install -r requirements.txt',
      'python manage.py migrate',
      'EOF',
      'RUN <<-"EOT" bash',
      '\techo hi',
      'EOT',
      'RUN cat <<EOF > /etc/app.conf',
      'not a command',
      'EOF',
      'RUN <<EOF',
      '#!/usr/bin/env python3',
      'print("hi")',
      'EOF',
      'COPY <<EOF /app/x.txt',
      'hello',
      'EOF',
      'USER app',
    ].join('\n'),
  );
  const runs = m.stages[0].instructions.filter((i) => i.keyword === 'RUN') as RunInstr[];
  assert.deepEqual(
    runs.map((r) => [r.line, r.endLine]),
    [
      [2, 6],
      [7, 9],
      [10, 12],
      [13, 16],
    ],
  );
  assert.deepEqual(
    runs[0].script?.commands.map((c) => [c.line, c.argv.join(' ')]),
    [
      [3, 'set -e'],
      [4, 'pip install -r requirements.txt'],
      [5, 'python manage.py migrate'],
    ],
  );
  assert.deepEqual(
    runs[1].script?.commands.map((c) => [c.line, c.argv.join(' ')]),
    [
      [7, 'bash'],
      [8, 'echo hi'],
    ],
  );
  assert.deepEqual(
    runs[2].script?.commands.map((c) => c.argv.join(' ')),
    ['cat'],
  );
  assert.deepEqual(runs[3].script?.commands, []);
  assert.equal(m.stages[0].user?.line, 20);
  assert.equal(m.stages[0].lastLine, 20);
});

test('exec and shell forms of CMD/ENTRYPOINT/RUN; ENTRYPOINT drops an inherited CMD', () => {
  const m = model(
    'FROM python:3.12 AS base\nCMD ["python3"]\nFROM base\nENTRYPOINT ["/entrypoint.sh"]\nRUN ["pip", "install", "x"]\nFROM base\nCMD [not json\n',
  );
  assert.equal(m.stages[1].cmd, undefined);
  assert.deepEqual(m.stages[1].entrypoint?.argv, ['/entrypoint.sh']);
  assert.deepEqual((m.stages[1].instructions[1] as RunInstr).argv, ['pip', 'install', 'x']);
  assert.equal(m.stages[2].cmd?.form, 'shell');
});

test('parent stages pass on ENV, WORKDIR, USER, EXPOSE, VOLUME and HEALTHCHECK', () => {
  const m = model(
    'FROM python:3.12 AS base\nENV A=1\nWORKDIR /app\nUSER app\nEXPOSE 8000 9000/udp $P\nVOLUME ["/data", "media"]\nHEALTHCHECK NONE\nFROM base\nENV B=2\n',
  );
  const s = m.stages[1];
  assert.deepEqual(
    [s.env, s.workdir, s.user?.user, s.healthcheck?.none],
    [{ A: '1', B: '2' }, '/app', 'app', true],
  );
  assert.deepEqual(s.exposes[0].ports, [
    { port: 8000, protocol: 'tcp', raw: '8000' },
    { port: 9000, protocol: 'udp', raw: '9000/udp' },
    { protocol: 'tcp', raw: '$P' },
  ]);
  assert.deepEqual(s.volumes[0].paths, ['/data', '/app/media']);
});

test('the target stage is compose build.target or the last stage; built stages follow FROM, COPY --from and mounts', () => {
  const text = [
    'FROM python:3.12 AS deps',
    'FROM node:20 AS assets',
    'FROM python:3.12 AS unused',
    'FROM deps AS builder',
    'RUN --mount=type=bind,from=assets,source=/x,target=/x true',
    'FROM python:3.12-slim AS final',
    'COPY --from=builder /venv /venv',
    'FROM final AS dev',
  ].join('\n');
  const last = model(text);
  assert.equal(last.targetStage?.name, 'dev');
  assert.deepEqual(
    last.builtStages.map((s) => s.name),
    ['deps', 'assets', 'builder', 'final', 'dev'],
  );
  const final = model(text, { target: 'FINAL' });
  assert.equal(final.targetStage?.name, 'final');
  assert.deepEqual(
    final.builtStages.map((s) => s.name),
    ['deps', 'assets', 'builder', 'final'],
  );
  const missing = modelDockerfile('Dockerfile', text, { target: 'prod' });
  assert.equal(missing.model?.targetStage, undefined);
  assert.match(missing.errors[0].message, /prod/);
});

test('empty, garbage and binary files give an error, never an exception', () => {
  assert.deepEqual(modelDockerfile('Dockerfile', '').model?.stages, []);
  assert.equal(modelDockerfile('Dockerfile', '').errors.length, 1);
  assert.equal(modelDockerfile('Dockerfile', '# only a comment\n\n').errors.length, 1);
  const garbage = modelDockerfile('Dockerfile', 'FROM python:3.12\nRUNN pip install x\n');
  assert.deepEqual(
    garbage.errors.map((e) => e.line),
    [2],
  );
  assert.equal(garbage.model?.stages.length, 1);
  assert.deepEqual(
    modelDockerfile('Dockerfile', 'RUN x\nFROM y\n').errors.map((e) => e.line),
    [1],
  );
  assert.deepEqual(
    modelDockerfile('Dockerfile', 'FROM\n').errors.map((e) => e.line),
    [1],
  );
  assert.equal(modelDockerfile('Dockerfile', 'a\u0000b').errors[0].line, 1);
  for (let i = 0; i < 50; i++) {
    const r = modelDockerfile('Dockerfile', randomBytes(400).toString('latin1'));
    assert.ok(r.errors.length > 0 || r.model);
  }
  const windows = model('FROM python:3.12\r\nRUN pip install \\\r\n  x==1\r\n');
  assert.deepEqual((windows.stages[0].instructions[0] as RunInstr).script?.commands[0].argv, [
    'pip',
    'install',
    'x==1',
  ]);
});

test('a COPY source of the context that climbs above it stops at its root, as BuildKit reads it', () => {
  const stage = model(
    [
      'FROM python:3.12 AS build',
      'FROM python:3.12',
      'COPY ./../src /app',
      'COPY ../requirements.txt ../../conf/ /srv/',
      'COPY ../ /all',
      'COPY --from=build /usr/../lib /lib',
      'COPY ./src /keep',
    ].join('\n'),
  ).targetStage!;
  const copies = stage.instructions.filter((i) => i.keyword === 'COPY') as CopyInstr[];
  assert.deepEqual(
    copies.map((c) => c.sources),
    [['src'], ['requirements.txt', 'conf/'], ['.'], ['/usr/../lib'], ['./src']],
  );
});

test("a base image's variable in a COPY destination and a pip -r path is kept as ${NAME}; a declared unknown one is not", () => {
  const text = [
    'FROM me/base:1',
    'ENV ENV_TYPE dev',
    'ARG REQ_DIR',
    'COPY requirements $BUILD_DIR/requirements',
    'RUN pip install -r $BUILD_DIR/requirements/$ENV_TYPE.txt -r ${REQ_DIR}/x.txt -r ${BUILD_DIR:-/b}/y.txt',
    'COPY requirements $REQ_DIR',
  ].join('\n');
  const m = model(text);
  const copies = m.stages[0].instructions.filter((i): i is CopyInstr => i.keyword === 'COPY');
  assert.deepEqual(
    copies.map((c) => c.dest),
    ['${BUILD_DIR}/requirements', '$REQ_DIR'],
  );
  const run = m.stages[0].instructions.find((i): i is RunInstr => i.keyword === 'RUN')!;
  assert.deepEqual(requirementArgs(run.script!.commands[0].argv, run), ['${BUILD_DIR}/requirements/dev.txt']);
});
