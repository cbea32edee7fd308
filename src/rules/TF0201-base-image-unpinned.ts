import type { CopyInstr } from '../model/types/dockerfile.js';
import { everyDockerfile } from './lib/each.js';
import { linesOf, replaceInLine } from './lib/fix.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';

export const baseImageUnpinned = defineRule({
  id: 'TF0201',
  name: 'base-image-unpinned',
  factor: 'II',
  severity: 'warning',
  kind: 'S',
  title:
    'A FROM (any stage, after ARG resolution), or an image a COPY --from= names, has no tag or :latest and no digest',
  help: `A base image without a tag (or with \`:latest\`) is whatever the registry serves on the day of the build:
two builds of the same commit can get different Python versions and system libraries, so the release is not
reproducible. Name the version in the tag, and pin a digest when you want the exact bytes.

\`ARG\` values are resolved first (\`ARG PY=3.12\` then \`FROM python:\${PY}-slim\` is pinned); a \`FROM\` whose variable
has no known value, a stage reference (\`FROM builder\`) and \`scratch\` are not judged. An image named by
\`COPY --from=\` (\`COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/uv\`) is a base the image depends on just
the same and is judged like a FROM; \`--from=\` naming a stage, by name or index, is not.

\`\`\`dockerfile
# instead of: FROM python
FROM python:3.12-slim-bookworm
# or, exact bytes:
FROM python:3.12-slim-bookworm@sha256:<digest>
\`\`\``,
  related: ['DL3006', 'DL3007', 'DS-0001', 'CKV_DOCKER_7'],
  check(project) {
    const findings = [];
    for (const df of everyDockerfile(project)) {
      for (const stage of df.stages) {
        const from = stage.from;
        const what = from.stageRef === undefined && !from.scratch ? floating(from) : undefined;
        if (what) {
          findings.push({
            file: df.file,
            line: from.line,
            message:
              typoMessage(`FROM ${from.image}`, from.repository) ??
              upperCaseMessage(`FROM ${from.image}`, from.repository) ??
              `FROM ${from.image} ${what}, so each build may get a different base image. Pin a version tag such as ${from.repository}:<version> (and a digest for exact bytes).`,
          });
        }
        for (const ins of stage.instructions) {
          const image =
            ins.keyword === 'COPY' || ins.keyword === 'ADD' ? (ins as CopyInstr).fromImage : undefined;
          const how = image && floating(image);
          if (!image || !how) continue;
          findings.push({
            file: df.file,
            line: ins.line,
            message:
              typoMessage(`${ins.keyword} --from=${image.image}`, image.repository) ??
              upperCaseMessage(`${ins.keyword} --from=${image.image}`, image.repository) ??
              `${ins.keyword} --from=${image.image} copies from an image that ${how}, so each build may copy different files. Pin a version tag such as ${image.repository}:<version> (and a digest for exact bytes).`,
          });
        }
      }
    }
    return findings;
  },
  fix: {
    safety: 'suggest',
    summary:
      "Suggests the python image tag of the version the repository names (`.python-version`, `runtime.txt`), written where the image is (the FROM line, or the default of the ARG it uses); never applied, since the version is the project's choice.",
    make: suggestPythonTag,
  },
});

/** How an image reference floats (no tag, or `:latest`, and no digest); undefined when it is pinned or unknown. */
function floating(ref: {
  image?: string;
  repository?: string;
  tag?: string;
  digest?: string;
}): string | undefined {
  if (!ref.image || ref.digest) return undefined;
  // A template's placeholder (`FROM {{ base }}`, `FROM %%IMAGE%%`) names no image yet.
  if (ref.repository !== undefined && !IMAGE_REPOSITORY.test(ref.repository) && !upperCased(ref.repository))
    return undefined;
  if (ref.tag === undefined) return 'has no tag';
  return ref.tag === 'latest' ? `uses the floating tag ':latest'` : undefined;
}

/**
 * A bare name that glues a version to an official image (`python3.14`, `node18`, `alpine3.19`): Docker Hub has no such
 * image, the version belongs in the tag.
 */
const VERSION_IN_NAME = /^(python|pypy|node|ruby|golang|php|ubuntu|debian|alpine)(\d+(?:\.\d+)*)$/;

/** The message for an image whose name carries the version (`FROM python3.14`); undefined for any other name. */
function typoMessage(written: string, repository: string | undefined): string | undefined {
  const typo = repository ? VERSION_IN_NAME.exec(repository) : null;
  if (!typo) return undefined;
  const meant = `${typo[1]}:${typo[2]}`;
  return `${written} names no tag, and Docker Hub has no image '${repository}': it is probably a typo for ${meant} (the official image is ${typo[1]}, the version goes in its tag). Write ${meant} (and a digest for exact bytes).`;
}

/**
 * A name Docker would accept but for its capitals (`Python`, `Ubuntu`): the build fails on the invalid reference, and the
 * lower-case name it stands for has no tag. A name in capitals only (`FROM BASE_IMAGE`) reads as a template placeholder.
 */
function upperCased(repository: string): boolean {
  return (
    /[a-z]/.test(repository) && /[A-Z]/.test(repository) && IMAGE_REPOSITORY.test(repository.toLowerCase())
  );
}

/** The message for a floating name written with capitals; undefined for a lower-case name. */
function upperCaseMessage(written: string, repository: string | undefined): string | undefined {
  if (!repository || !upperCased(repository)) return undefined;
  const meant = repository.toLowerCase();
  return `${written} names no tag, and '${repository}' is not a valid image name (Docker accepts repository names in lower case only, so the build stops there). Write ${meant}:<version> (and a digest for exact bytes).`;
}

/** A repository as Docker accepts it: an optional registry host (and port), then lowercase path components. */
const IMAGE_REPOSITORY =
  /^(?:[A-Za-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

const PYTHON_IMAGE = /^((docker\.io\/)?(library\/)?python)(:latest)?$/;

/** The Python version the repository names for itself (pyenv's .python-version, runtime.txt), as major.minor. */
function pythonVersion(context: FixContext, dirs: string[]): string | undefined {
  for (const dir of dirs) {
    for (const name of ['.python-version', 'runtime.txt']) {
      const text = context.text(dir === '.' ? name : `${dir}/${name}`);
      const m = text && /^\s*(?:python-)?(3\.\d{1,2})(?:\.\d+)?\s*$/.exec(text.split('\n')[0]);
      if (m) return m[1];
    }
  }
  return undefined;
}

function suggestPythonTag(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  for (const app of context.project.apps) {
    const df = app.dockerfile;
    const from =
      df?.file === finding.file ? df.stages.find((s) => s.from.line === finding.line)?.from : undefined;
    if (!df || !from?.image || !PYTHON_IMAGE.test(from.image)) continue;
    const version = pythonVersion(context, [...new Set([app.dir, app.context?.dir ?? '.', '.'])]);
    if (!version) return undefined;
    const pinned = `${PYTHON_IMAGE.exec(from.image)![1]}:${version}`;
    // The image as written: on the FROM line, or as the default of the ARG the FROM line uses.
    const arg = df.globalArgs.find((a) => a.default === from.image && from.raw.includes(a.name));
    const line = arg ? arg.line : from.line;
    const text = lines[line - 1] ?? '';
    const at = arg ? text.indexOf(`=${from.image}`) + 1 : text.search(/\s/) + 1;
    const column = arg ? at : text.indexOf(from.image, at);
    if (column <= 0 || text.indexOf(from.image, column + 1) >= 0) return undefined;
    return {
      title: `${from.image} pinned to ${pinned}`,
      edits: [replaceInLine(finding.file, line, column + 1, column + 1 + from.image.length, pinned)],
    };
  }
  return undefined;
}
