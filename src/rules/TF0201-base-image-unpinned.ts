import { defineRule } from './lib/rule.js';

export const baseImageUnpinned = defineRule({
  id: 'TF0201',
  name: 'base-image-unpinned',
  factor: 'II',
  severity: 'warning',
  kind: 'S',
  title: 'A FROM (any stage, after ARG resolution) has no tag or :latest and no digest',
  help: `A base image without a tag (or with \`:latest\`) is whatever the registry serves on the day of the build:
two builds of the same commit can get different Python versions and system libraries, so the release is not
reproducible. Name the version in the tag, and pin a digest when you want the exact bytes.

\`ARG\` values are resolved first (\`ARG PY=3.12\` then \`FROM python:\${PY}-slim\` is pinned); a \`FROM\` whose variable
has no known value, a stage reference (\`FROM builder\`) and \`scratch\` are not judged.

\`\`\`dockerfile
# instead of: FROM python
FROM python:3.12-slim-bookworm
# or, exact bytes:
FROM python:3.12-slim-bookworm@sha256:<digest>
\`\`\``,
  related: ['DL3006', 'DL3007', 'DS-0001', 'CKV_DOCKER_7'],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (!df) continue;
      for (const stage of df.stages) {
        const from = stage.from;
        if (!from.image || from.stageRef !== undefined || from.scratch || from.digest) continue;
        if (from.tag !== undefined && from.tag !== 'latest') continue;
        const what = from.tag === 'latest' ? `uses the floating tag ':latest'` : 'has no tag';
        findings.push({
          file: df.file,
          line: from.line,
          message: `FROM ${from.image} ${what}, so each build may get a different base image. Pin a version tag such as ${from.repository}:<version> (and a digest for exact bytes).`,
        });
      }
    }
    return findings;
  },
});
