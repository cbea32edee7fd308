import assert from 'node:assert/strict';
import { test } from 'node:test';
import { post } from '../../src/post.js';
import { SMOKE_STATE_KEY } from '../../src/smoke/index.js';
import { FakeDocker } from './smoke-fake.js';

test('the post step removes what the saved run left behind, and only that run', async () => {
  const docker = new FakeDocker();
  docker.containers.add('tfr-abc-sqlite-web-1');
  docker.networks.add('tfr-abc-sqlite-net');
  docker.volumes.add('tfr-abc-sqlite-vol-1');
  docker.images.add('tfr-abc-app:latest');
  process.env[`STATE_${SMOKE_STATE_KEY}`] = 'abc';
  try {
    await post(docker);
  } finally {
    delete process.env[`STATE_${SMOKE_STATE_KEY}`];
  }
  assert.deepEqual(docker.leftovers(), []);
  const filters = docker.calls
    .filter((c) => c.args.includes('--filter'))
    .map((c) => c.args[c.args.indexOf('--filter') + 1]);
  assert.ok(filters.length >= 4);
  for (const f of filters) assert.equal(f, 'label=twelve-factor-review.run=abc');
});

test('the post step does nothing when the main step ran no smoke test', async () => {
  const docker = new FakeDocker();
  await post(docker);
  assert.equal(docker.calls.length, 0);
});

test('the post step never fails the job when Docker is unusable', async () => {
  process.env[`STATE_${SMOKE_STATE_KEY}`] = 'abc';
  try {
    await post({
      exec: async () => {
        throw new Error('spawn docker ENOENT');
      },
    });
  } finally {
    delete process.env[`STATE_${SMOKE_STATE_KEY}`];
  }
});
