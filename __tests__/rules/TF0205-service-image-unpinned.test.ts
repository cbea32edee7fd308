import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceImageUnpinned } from '../../src/rules/TF0205-service-image-unpinned.js';
import { composeRuleCases, y } from '../support/compose-rule-cases.js';
import { analyzeFiles } from '../support/analyze.js';
import { MANAGE } from '../support/context-rule-cases.js';

composeRuleCases(serviceImageUnpinned, [
  { name: 'no tag', compose: y('services:', '  db:', '    image: postgres'), expect: ['compose.yaml:3'] },
  {
    name: 'pinned postgres:16-alpine',
    compose: y('services:', '  db:', '    image: postgres:16-alpine'),
    expect: [],
  },
  {
    name: ':latest',
    compose: y('services:', '  db:', '    image: redis:latest'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'registry with a port and no tag',
    compose: y('services:', '  db:', '    image: localhost:5000/cache'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'registry port with a tag',
    compose: y('services:', '  db:', '    image: localhost:5000/cache:7'),
    expect: [],
  },
  {
    name: 'digest without tag',
    compose: y('services:', '  db:', '    image: redis@sha256:0123abcd'),
    expect: [],
  },
  {
    name: '${REGISTRY}/app:${TAG} with nothing set',
    compose: y('services:', '  app:', '    image: ${REGISTRY}/app:${TAG}'),
    expect: [],
  },
  {
    name: 'a variable tag that resolves to latest',
    compose: y('services:', '  app:', '    image: app:${TAG:-latest}'),
    expect: ['compose.yaml:3'],
  },
  {
    name: 'a user from an unset variable is shown as written, not as the empty string',
    compose: y('services:', '  web:', '    image: ${DOCKERHUB_USERNAME}/cloudblog:latest'),
    expect: ['compose.yaml:3'],
    messages: [
      /image '\$\{DOCKERHUB_USERNAME\}\/cloudblog:latest'.*e\.g\. '\$\{DOCKERHUB_USERNAME\}\/cloudblog:<version>'/,
    ],
  },
  {
    name: 'a user from a set variable is shown with its value',
    compose: y('services:', '  web:', '    image: ${HUB_USER:-acme}/cloudblog:latest'),
    expect: ['compose.yaml:3'],
    messages: [/image 'acme\/cloudblog:latest'/],
  },
  {
    name: 'a whole image from a variable',
    compose: y('services:', '  app:', '    image: ${IMAGE}'),
    expect: [],
  },
  {
    name: 'a service that builds names its own image',
    compose: y('services:', '  web:', '    build: .', '    image: mysite'),
    expect: [],
  },
  {
    name: 'a service that builds and tags a registry image latest: pushed and pulled under a moving tag',
    compose: y('services:', '  web:', '    build: .', '    image: registry.example.com/team/site:latest'),
    expect: ['compose.yaml:4'],
    messages: [/tags the image it builds 'registry\.example\.com\/team\/site:latest'/],
  },
  {
    name: 'a service that builds a namespaced image with no tag',
    compose: y('services:', '  web:', '    build: .', '    image: me/site'),
    expect: ['compose.yaml:4'],
    messages: [/'me\/site' with no tag, that is latest/],
  },
  {
    name: 'a service that builds a registry image with a version tag',
    compose: y('services:', '  web:', '    build: .', '    image: me/site:${GIT_SHA:-dev}'),
    expect: [],
  },
  {
    name: 'the line of the override that wrote the image',
    compose: {
      'compose.yaml': y('services:', '  db:', '    image: postgres:16'),
      'compose.override.yaml': y(
        'services:',
        '  db:',
        '    environment:',
        '      A: b',
        '    image: postgres',
      ),
    },
    expect: ['compose.override.yaml:5'],
  },
  {
    name: 'workers that run the image the app service builds and names',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    image: app-image',
      '  worker:',
      '    image: app-image',
      '  beat:',
      '    image: app-image:latest',
      '  cache:',
      '    image: redis',
    ),
    expect: ['compose.yaml:10'],
  },
]);

test('TF0205: the bare name the app image is built under by hand is not said to float at pull time', async () => {
  const { findings } = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml': 'services:\n  web:\n    image: mysite\n    command: gunicorn mysite.wsgi\n',
  });
  const messages = findings.filter((f) => f.ruleId === 'TF0205').map((f) => f.message);
  assert.equal(messages.length, 1);
  assert.doesNotMatch(messages[0]!, /pull time/);
  assert.match(
    messages[0]!,
    /runs image 'mysite' with no tag, that is latest, which no compose file here builds/,
  );
});

test('TF0205: a tag from a variable defaulting to latest is shown as written and names the variable', async () => {
  const compose = 'services:\n  web:\n    image: me/blog:${APP_VERSION:-latest}\n';
  const result = await analyzeFiles({ 'compose.yaml': compose });
  const [f] = result.findings.filter((x) => x.ruleId === 'TF0205');
  assert.ok(f, 'TF0205 fires');
  assert.doesNotMatch(f.message, /'me\/blog:latest'/);
  assert.match(
    f.message,
    /'me\/blog:\$\{APP_VERSION:-latest\}', whose tag APP_VERSION gives \(latest when it is unset\)/,
  );
  assert.match(f.message, /set APP_VERSION to a version/);
});

test('TF0205 suggests a tag the service still starts on: mysql 8.0 for --default-authentication-plugin, postgres 17 for a mount at /var/lib/postgresql/data', async () => {
  const message = async (service: string) =>
    (await analyzeFiles({ 'compose.yaml': `services:\n  db:\n${service}` })).findings.find(
      (f) => f.ruleId === 'TF0205',
    )?.message ?? '';
  assert.match(
    await message(
      '    image: mysql\n    command: ["--default-authentication-plugin=mysql_native_password"]\n',
    ),
    /e\.g\. 'mysql:8\.0' \(or a digest\): its command passes --default-authentication-plugin, which MySQL 8\.4 removed/,
  );
  assert.match(await message('    image: mysql\n'), /e\.g\. 'mysql:8\.4' \(or a digest\)\.$/);
  assert.match(
    await message(
      '    image: postgres\n    volumes:\n      - pg:/var/lib/postgresql/data/\nvolumes:\n  pg:\n',
    ),
    /e\.g\. 'postgres:17' \(or a digest\): from 18 the image will not start with its mount at \/var\/lib\/postgresql\/data\./,
  );
  assert.match(
    await message('    image: postgres\n    volumes:\n      - pg:/var/lib/postgresql\nvolumes:\n  pg:\n'),
    /e\.g\. 'postgres:16' \(or a digest\)\.$/,
  );
});
