import type { RawFinding } from '../core/index.js';
import { DOCKERIGNORE_PATTERNS } from './lib/examples.js';
import { newDockerignore } from './lib/fix.js';
import { defineRule } from './lib/rule.js';

export const noDockerignore = defineRule({
  id: 'TF0102',
  name: 'no-dockerignore',
  factor: 'I',
  severity: 'warning',
  kind: 'S',
  title: 'The whole context is copied (COPY . …, ADD . …) and there is no .dockerignore',
  help: `The image should be built from the codebase, and only from it. \`COPY . .\` without a \`.dockerignore\` sends
everything in the directory into the image: \`.git\`, local \`.env\` files, a developer's \`db.sqlite3\`, virtualenvs and
caches. The image gets bigger, leaks secrets and data, and differs from one checkout to the next.

\`\`\`
# .dockerignore next to the Dockerfile (or at the root of the build context)
${DOCKERIGNORE_PATTERNS}
\`\`\`
`,
  related: [],
  check(project) {
    // The apps' images, then every Dockerfile no app builds (a worker, a proxy, a front end): any image built from a
    // whole context with no .dockerignore takes whatever lies in that directory.
    const images = [
      ...project.apps.map((app) => ({ model: app.dockerfile, context: app.context })),
      ...(project.otherDockerfiles ?? []).map((model) => ({
        model,
        context: project.otherContexts?.[model.file],
      })),
    ];
    const findings: RawFinding[] = [];
    for (const { model, context } of images) {
      if (!model || !context || context.dockerignore) continue;
      for (const stage of model.builtStages) {
        for (const ins of stage.instructions) {
          if (
            (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') ||
            !('sources' in ins) ||
            ins.fromStage !== undefined
          )
            continue;
          const whole = ins.sources.find((s) => /^(\.\/?|\/|\.\/\.)$/.test(s.trim()));
          if (whole === undefined) continue;
          const where = context.dir === '.' ? 'the repository root' : `'${context.dir}'`;
          findings.push({
            file: model.file,
            line: ins.line,
            message: context.unknown
              ? `${copying(ins.keyword, whole, ins.onbuildOf)} the whole build context into the image, and no .dockerignore is found for it: no directory of the repository holds the files the Dockerfile names, so its context is not known here. Give the directory it is built from a .dockerignore that leaves out .git, .env*, *.sqlite3, virtualenvs and __pycache__.`
              : `${copying(ins.keyword, whole, ins.onbuildOf)} the whole build context (${where}) into the image and there is no .dockerignore. Add one that leaves out .git, .env*, *.sqlite3, virtualenvs and __pycache__.`,
          });
        }
      }
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'Creates a .dockerignore beside the build context that leaves out .git, .env files, SQLite databases, virtualenvs, __pycache__ and node_modules.',
    make: (context) => {
      const file = context.finding.file;
      const app = context.project.apps.find((a) => a.dockerfile?.file === file && a.context);
      const build = app?.context ?? context.project.otherContexts?.[file];
      // A context the repository does not hold gets no .dockerignore written to a directory it is not.
      return build && !build.unknown ? newDockerignore(context, build) : undefined;
    },
  },
});
/** `COPY . copies`; for a base image's trigger, what runs it: `The base image python:3-onbuild runs ONBUILD COPY ., which copies`. */
function copying(keyword: string, whole: string, onbuildOf: string | undefined): string {
  if (!onbuildOf) return `${keyword} ${whole} copies`;
  return `The base image ${onbuildOf} runs ONBUILD ${keyword} ${whole}, which copies`;
}
