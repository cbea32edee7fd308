import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeWords } from '../../src/model/compose/service.js';

test('composeWords: a backslash before a blank inside double quotes is dropped, as go-shellwords does', () => {
  assert.equal(composeWords('sh -c "a && \\ b && \\ c"'), 'sh -c "a &&  b &&  c"');
  assert.equal(composeWords("sh -c 'a && \\ b'"), "sh -c 'a && \\ b'");
  assert.equal(composeWords('sh -c "echo \\"x\\" \\$HOME"'), 'sh -c "echo \\"x\\" \\$HOME"');
  assert.equal(composeWords('gunicorn a.wsgi'), 'gunicorn a.wsgi');
});
