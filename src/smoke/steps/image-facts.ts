import type { BaseImageResolved, InstalledPackages } from '../../core/index.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { expand, UNSET } from '../../model/dockerfile/variables.js';
import type { ArgInstr } from '../../model/types/dockerfile.js';
import { buildSource } from '../image-build.js';
import { containerLimitArgs } from '../limits.js';
import type { RunState } from '../run-state.js';

const PACKAGES_MARKER = 'tfr-packages:';

/** Prints every installed distribution as JSON: importlib.metadata reads the image's own site-packages, offline. */
const PACKAGES_SCRIPT = [
  'import json, importlib.metadata as m',
  `print(${JSON.stringify(PACKAGES_MARKER)} + json.dumps({d.metadata['Name']: d.version for d in m.distributions() if d.metadata['Name']}))`,
].join('\n');

/**
 * What the built image tells a fixer: the packages pip installed (a one-off container with no network) and the base
 * image the build resolved. Each is observed when it could be read; a failure costs only that fact.
 */
export async function observeImageFacts(run: RunState): Promise<void> {
  await Promise.all([
    installedPackages(run).then((o) => o && run.observe(o)),
    resolvedBaseImage(run).then((o) => o && run.observe(o)),
  ]).catch((error: unknown) => run.log.debug?.(`image facts: ${(error as Error).message}`));
}

async function installedPackages(run: RunState): Promise<InstalledPackages | undefined> {
  const r = await run.docker.exec(
    [
      'run',
      '--rm',
      '--name',
      run.name('facts'),
      '--label',
      run.label,
      ...containerLimitArgs(run.limits),
      '--network',
      'none',
      '--entrypoint',
      'sh',
      run.imageRef,
      '-c',
      'exec "$(command -v python3 || command -v python)" -c "$1"',
      'sh',
      PACKAGES_SCRIPT,
    ],
    { timeoutMs: run.oneOffTimeoutMs },
  );
  if (r.timedOut) await run.docker.exec(['rm', '-f', '-v', run.name('facts')], { timeoutMs: 60_000 });
  return r.exitCode === 0 ? parseInstalled(r.stdout) : undefined;
}

/** The packages printed by the one-off, or undefined when its output is not what it prints. */
export function parseInstalled(stdout: string): InstalledPackages | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(PACKAGES_MARKER));
  if (!line) return undefined;
  try {
    const parsed: unknown = JSON.parse(line.slice(PACKAGES_MARKER.length));
    if (!parsed || typeof parsed !== 'object') return undefined;
    const packages: Record<string, string> = {};
    for (const [name, version] of Object.entries(parsed))
      if (typeof version === 'string' && /^[\w.+!-]+$/.test(version)) packages[name] = version;
    return { kind: 'installed-packages', packages };
  } catch {
    return undefined;
  }
}

async function resolvedBaseImage(run: RunState): Promise<BaseImageResolved | undefined> {
  const df = run.app.dockerfile;
  // The FROM the target stage's lineage starts from: an image, unless it is scratch.
  const from = df && lineage(df)[0]?.from;
  if (!df || !from || from.scratch || from.stageRef !== undefined) return undefined;
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(run.app.compose?.appService?.build?.args ?? {}))
    if (v !== undefined) args[k] = v;
  Object.assign(args, run.options.buildArgs ?? {});
  // Only the Dockerfile the image was built from says which image that was.
  if (buildSource(run.app).dockerfile !== df.file) return undefined;
  const ref = resolvedRef(from.raw, df.globalArgs, args);
  if (!ref) return undefined;
  const r = await run.docker.exec(['image', 'inspect', '--format', '{{json .}}', ref], {
    timeoutMs: 30_000,
  });
  return r.exitCode === 0 ? parseBaseImage(ref, r.stdout) : undefined;
}

/** The FROM image with ARGs replaced by the build args given, else their defaults; undefined when one has neither. */
export function resolvedRef(
  raw: string,
  globalArgs: readonly Pick<ArgInstr, 'name' | 'default'>[],
  buildArgs: Record<string, string>,
): string | undefined {
  const image = raw
    .trim()
    .split(/\s+/)
    .filter((w) => !w.startsWith('--'))[0];
  if (!image) return undefined;
  const ref = expand(image, (name) => {
    const value = buildArgs[name] ?? globalArgs.findLast((a) => a.name === name)?.default;
    return value === undefined ? UNSET : { kind: 'value', value };
  });
  return ref === '' ? undefined : ref;
}

/** The image ID and, when it came from a registry, the digest of `ref` from `docker image inspect`. */
export function parseBaseImage(ref: string, json: string): BaseImageResolved | undefined {
  let image: { Id?: unknown; RepoDigests?: unknown };
  try {
    image = JSON.parse(json) as typeof image;
  } catch {
    return undefined;
  }
  if (typeof image.Id !== 'string') return undefined;
  const repository = ref.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const digests = Array.isArray(image.RepoDigests)
    ? image.RepoDigests.filter((d): d is string => typeof d === 'string')
    : [];
  // The digest of the repository the FROM names: another repository's digest would pin other bytes' name.
  const mine = digests.find(
    (d) => d.slice(0, d.indexOf('@')) === repository || sameRepository(d, repository),
  );
  const digest = mine && /@(sha256:[0-9a-f]{64})$/.exec(mine)?.[1];
  return { kind: 'base-image', ref, id: image.Id, ...(digest ? { digest } : {}) };
}

/** `python@sha256:…` belongs to `python`, `library/python` and `docker.io/library/python`. */
function sameRepository(repoDigest: string, repository: string): boolean {
  const strip = (r: string) => r.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return strip(repoDigest.slice(0, repoDigest.indexOf('@'))) === strip(repository);
}
