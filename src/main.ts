import * as core from '@actions/core';

/** The action's main step. The only place that calls core.setFailed. */
export async function run(): Promise<void> {
  try {
    core.info('twelve-factor-review: not wired yet');
  } catch (error) {
    core.setFailed((error as Error).message);
  }
}
