import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { inert, looksLikeCommand } from '../../src/log.js';
import { runnerCommands } from '../support/workflow-commands.js';

const HOSTILE = [
  'web\n::error file=x::forged',
  'a\r::warning::forged',
  'a\r\n  ::add-mask::django',
  '\u2028::stop-commands::x',
  '\u0085::set-output name=verdict::pass',
  'note ##[add-mask]django',
  '::save-state name=x::y',
  '\t::group::forged',
  'x\n::stop-commands::t\n::t::\n::error::forged',
];

/** Only the bracket inert() adds may be read as commands, and it must close. */
function assertInert(text: string): void {
  const printed = inert(text) + '\n';
  const commands = runnerCommands(printed);
  if (commands.length === 0) return;
  assert.equal(commands.length, 2, `commands read from ${JSON.stringify(printed)}`);
  assert.equal(commands[0].command, 'stop-commands');
  assert.match(commands[0].data, /^tfr-[0-9a-f]{32}$/);
  assert.equal(commands[1].command, commands[0].data);
  assert.ok(printed.includes(text), 'the text is printed verbatim');
}

test('repository text with workflow commands in any line is printed inert and verbatim', () => {
  for (const text of HOSTILE) {
    assert.ok(runnerCommands(text).length > 0, `the runner reads a command in ${JSON.stringify(text)}`);
    assert.ok(looksLikeCommand(text));
    assertInert(text);
  }
});

test('text with no command-like line is printed unchanged', () => {
  for (const text of [
    'Building the image from Dockerfile (buildx)…',
    'http://[::1]:8000/ answered 200',
    'a:: b',
  ])
    assert.equal(inert(text), text);
});

test('the bracket token is never one the text already holds', () => {
  const tokens = ['tfr-aaaa', 'tfr-bbbb'];
  const printed = inert('::error::x\n::TFR-AAAA::\n::error::forged', () => tokens.shift()!);
  assert.match(printed, /^::stop-commands::tfr-bbbb\n/);
  assertInert('::error::x\n::TFR-AAAA::\n::error::forged');
});

const piece = fc.constantFrom(
  '::',
  '##[',
  ']',
  '\n',
  '\r',
  ' ',
  '\t',
  '\u2028',
  '\u0085',
  '\ufeff',
  'error',
  'add-mask',
  'stop-commands',
  'x',
  '=',
  ',',
  '%0A',
);

test('arbitrary text is never read as a command other than the bracket', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => assertInert(pieces.join(''))),
    { numRuns: 5000 },
  );
});
