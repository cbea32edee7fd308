import { at, defineDynamicRule, observationsOf } from './lib/dynamic.js';

export const imageBuildFailed = defineDynamicRule({
  id: 'TF0502',
  name: 'image-build-failed',
  factor: 'V',
  severity: 'error',
  kind: 'D',
  title: 'Docker build of the app image fails; the finding carries the failing step and the tail of the log',
  help: `The smoke test builds the pull request's image the way compose (or the Dockerfile alone) builds it. When the build fails, nothing else can be measured: the image that would be released does not exist. The finding points at the failing instruction when the builder's log names it, and carries the tail of the log.

Reproduce locally with the same context, target and build args, and fix the failing step:

\`\`\`sh
docker build -f Dockerfile --target app --build-arg BASE_IMAGE=python:3.12-slim .
\`\`\``,
  related: [],
  judge(observations) {
    return observationsOf(observations, 'build-failed')
      .slice(0, 1)
      .map((o) => ({
        ...at(
          { file: o.dockerfile, ...(o.line ? { line: o.line } : {}) },
          `The image does not build: ${o.dockerfile} ${o.why}. Fix that instruction so \`docker build\` succeeds; the tail of the build log is in the details.`,
          o.logTail,
        ),
        key: '',
      }));
  },
});
