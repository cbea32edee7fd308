import { imageBuildFailed } from '../../src/rules/TF0502-image-build-failed.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

dynamicRuleCases(imageBuildFailed, [
  [
    'the failing instruction, without an engine scope',
    [
      {
        kind: 'build-failed',
        dockerfile: 'docker/Dockerfile',
        line: 4,
        why: 'failed at `RUN exit 3`',
        logTail: 'returned a non-zero code: 3',
      },
    ],
    [
      'docker/Dockerfile:4 The image does not build: docker/Dockerfile failed at `RUN exit 3`. Fix that instruction so `docker build` succeeds; the tail of the build log is in the details. | returned a non-zero code: 3',
    ],
  ],
  [
    'a build that passed observes nothing of this kind',
    [{ kind: 'first-answer', engine: 'sqlite', durationMs: 1, budgetMs: 2 }],
    [],
  ],
]);
