// Says the same things to the runner through @actions/core or through src/step-commands.ts (argv[2]: core | port),
// so that a test can compare the bytes each writes to stdout and to the runner's files.
import * as core from '@actions/core';
import { getInput } from '../../src/inputs.js';
import * as port from '../../src/step-commands.js';

const useCore = process.argv[2] === 'core';
const step = useCore ? core : port;
const appendSummary = async (text: string) =>
  useCore ? void (await core.summary.addRaw(text, true).write()) : port.appendSummary(text);

async function caught(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch (error) {
    step.info(`caught: ${(error as Error).message}`);
  }
}

const input = useCore ? core.getInput : getInput;
step.info(JSON.stringify([input('my input'), input('other'), input('unset')]));
step.info(JSON.stringify(step.getState('RUN')));
step.setSecret('p%a:s,s\nw\rord');
step.debug('100% done\r\nnext: a,b');
step.info('plain text: %0A stays');
step.error('e: 1,2\nline two', {
  title: 'T: x,y%',
  file: 'a,b.py',
  startLine: 3,
  endLine: 4,
  startColumn: 5,
});
step.warning('no place', { title: undefined, file: undefined });
step.warning('line zero', { startLine: 0, file: 'f.py', endColumn: 7 });
step.notice(new Error('boom'));
step.notice('empty properties', {});
await step.group('Group %\nname', async () => step.info('inside'));
await caught(() =>
  step.group('Failing', async () => {
    throw new Error('in the group');
  }),
);
for (const [name, value] of [
  ['errors', 3],
  ['verdict', 'fail'],
  ['multi', 'a\nb\r\nc %0A'],
  ['object', { a: [1, 'x'] }],
  ['nothing', undefined],
  ['empty', ''],
] as const)
  await caught(() => step.setOutput(name, value));
await caught(() => step.saveState('run-id', 'tfr-1234'));
await caught(() => appendSummary('# Summary\n\n| a | b |\n| - | - |\n| 1 | 2 |'));
await caught(() => appendSummary(''));
step.setFailed("twelve-factor-review: 1 error(s); fail-on is 'error'.");
step.setFailed(new Error('an error object'));
