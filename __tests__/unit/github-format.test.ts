import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderGithub } from '../../src/report/workflow-commands.js';
import { runnerCommands } from '../support/workflow-commands.js';
import { HOSTILE_MESSAGE, finding, fixtureReport } from './report-fixture.js';

/** A file name that tries every way out of a command: new lines, property separators, a command of its own. */
const FORGING_FILE =
  'app/x.py,line=1::forged\n::add-mask::django\r::set-output name=verdict::pass ##[add-mask]y %0A';

test('--format github: one annotation per unsuppressed finding, with file, lines, column and title', () => {
  const report = fixtureReport();
  const commands = runnerCommands(renderGithub(report));
  const active = report.findings.filter((f) => !f.suppressed);
  assert.deepEqual(
    commands.map((c) => c.command),
    active.map((f) => f.severity),
  );
  const first = commands.find((c) => c.properties.title?.startsWith('TF0201'))!;
  assert.deepEqual(first.properties, {
    file: `${report.directory}/Dockerfile`,
    line: '1',
    col: '1',
    title: 'TF0201 base-image-unpinned',
  });
  assert.equal(first.data, 'Base image python has no tag.');
});

test('--format github: repository text in file names and messages never becomes a command of its own', () => {
  const report = fixtureReport({
    directory: '.',
    findings: [
      finding('TF0301', {
        file: FORGING_FILE,
        line: 3,
        message: `${HOSTILE_MESSAGE}\n::error::forged ##[set-output]x`,
      }),
    ],
    counts: { error: 1, warning: 0, notice: 0 },
  });
  const printed = renderGithub(report);
  const commands = runnerCommands(printed);
  assert.equal(commands.length, 1, JSON.stringify(commands));
  assert.equal(commands[0].command, 'error');
  assert.equal(commands[0].properties.file, FORGING_FILE);
  assert.equal(commands[0].properties.line, '3');
  assert.equal(commands[0].data, `${HOSTILE_MESSAGE}\n::error::forged ##[set-output]x`);
});

test('--format github: the verdict line naming a hostile directory is printed inert', () => {
  const report = fixtureReport({ directory: 'x\n::error::forged', findings: [] });
  const commands = runnerCommands(renderGithub(report));
  assert.deepEqual(
    commands.map((c) => c.command),
    ['stop-commands', commands[0]?.data],
  );
});
