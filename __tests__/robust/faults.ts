import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Infrastructure faults, shared by the real-Docker fault tests and the reliability report. `setup` prepares a
 * project in `dir` and says how to run the smoke test against it: extra CLI arguments, the environment, the
 * secrets that must never appear in any output, and how to undo what it set up.
 */
export interface FaultCase {
  id: string;
  name: string;
  timeoutMs: number;
  setup(dir: string): { args: string[]; env: NodeJS.ProcessEnv; secrets: string[]; teardown?: () => void };
}

export const PRODUCTION_EXAMPLE = fileURLToPath(new URL('../../examples/production/', import.meta.url));
export const LOCAL_BUILD_ARGS = ['--build-arg', 'BASE_IMAGE=tfr-test/django-base:bookworm'];
export const LOCAL_POSTGRES = ['--postgres-image', 'tfr-test/postgres:15'];

export const FAULT_CASES: FaultCase[] = [
  {
    id: 'docker-unreachable',
    name: 'the Docker daemon is unreachable: static results still come, the smoke part is skipped with the reason',
    timeoutMs: 60_000,
    setup(dir) {
      cpSync(PRODUCTION_EXAMPLE, dir, { recursive: true });
      return {
        args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES],
        env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
        secrets: [],
      };
    },
  },
];
