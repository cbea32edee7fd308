import { join, resolve } from 'node:path';

/** What the runner tells the step about where it runs. Read once, at the start of run(). */
export interface Runner {
  workspace: string;
  repository: string;
  sha: string;
  eventName: string;
  eventPath?: string;
  serverUrl: string;
  temp: string;
}

export function runner(): Runner {
  const env = process.env;
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  return {
    workspace,
    repository: env.GITHUB_REPOSITORY ?? '',
    sha: env.GITHUB_SHA ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    temp: env.RUNNER_TEMP || join(workspace, '.twelve-factor-review-tmp'),
  };
}
