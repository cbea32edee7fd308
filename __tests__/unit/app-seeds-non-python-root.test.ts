import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';
import { cleanDjango } from '../support/clean-django.js';

const DJANGO = cleanDjango({ expose: true });
const NODE =
  'FROM node:22-alpine\nWORKDIR /web\nCOPY package.json .\nRUN npm install\nCMD ["npm", "run", "dev"]\n';

test('a Node Dockerfile at the root beside a Python one under docker/ is not an app', async () => {
  const result = await analyzeFiles({ ...DJANGO, Dockerfile: NODE, 'docker/Dockerfile': DJANGO.Dockerfile });
  assert.deepEqual(
    result.project.apps.map((a) => a.dockerfile?.file),
    ['docker/Dockerfile'],
  );
});

test('a Node Dockerfile at the root with no Python Dockerfile anywhere is still the one image there is', async () => {
  const result = await analyzeFiles({ ...DJANGO, Dockerfile: NODE });
  assert.deepEqual(
    result.project.apps.map((a) => a.dockerfile?.file),
    ['Dockerfile'],
  );
});
