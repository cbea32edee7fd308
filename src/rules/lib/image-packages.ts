/** Which distribution's package manager an image has (Alpine's apk, Debian's apt-get), from its base or its RUNs. */
import { lineage } from '../../model/dockerfile/lineage.js';
import { programArgv } from '../../model/command.js';
import { isOfficialRepository, splitImage } from '../../model/image-ref.js';
import type { ComposeService } from '../../model/types/compose.js';
import type { RunInstr } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { repositoryBases } from './base-image.js';

export type Distribution = 'alpine' | 'debian';

export interface ImageDistribution {
  distribution: Distribution;
  /** The image the distribution is read from (`python:3.12-alpine`), for a message. */
  image: string;
}

/** The package manager each distribution has, and the other's it lacks. */
export const PACKAGE_MANAGER: Record<Distribution, string> = { alpine: 'apk', debian: 'apt-get' };

// Official images built on Debian (or Ubuntu) unless their tag names Alpine or Windows.
const ON_DEBIAN = new Set(['python', 'pypy', 'debian', 'ubuntu', 'buildpack-deps']);

/** The distribution an image reference names: an Alpine tag or image, or an official image built on Debian. */
export function distributionOfImage(image: string | undefined): Distribution | undefined {
  if (!image || image.includes('$')) return undefined;
  const { repository, tag = 'latest' } = splitImage(image.toLowerCase());
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  if (name === 'alpine' || /(^|-)alpine/.test(tag)) return 'alpine';
  return isOfficialRepository(repository) && ON_DEBIAN.has(name) && !/windows|nanoserver/.test(tag)
    ? 'debian'
    : undefined;
}

/** The distribution the RUNs of `runs` install with: apk only, or apt-get/apt only. */
function distributionOfRuns(runs: RunInstr[]): Distribution | undefined {
  const programs = new Set(
    runs
      .flatMap((r) => r.script?.commands.map((c) => c.argv) ?? (r.argv ? [r.argv] : []))
      .map((argv) => programArgv(argv)[0] ?? ''),
  );
  const apk = programs.has('apk');
  const apt = programs.has('apt-get') || programs.has('apt');
  return apk === apt ? undefined : apk ? 'alpine' : 'debian';
}

/**
 * The distribution of the image a start command runs in: a compose service's own `image:` when it builds none and
 * names a known one, else
 * the app's Dockerfile, read from the base image of its target stage, then from the RUNs of its stages, then from
 * the repository's own base images it is built on.
 */
export function imageDistribution(app: App, service?: ComposeService): ImageDistribution | undefined {
  const runner = service ?? (app.dockerfile ? undefined : app.compose?.appService);
  const own = runner && !runner.build ? runner.image?.value : undefined;
  const named = distributionOfImage(own);
  // An image named after the app's build (`image: shop-web`) says nothing: the Dockerfile does.
  if (named) return { distribution: named, image: own! };
  for (const a of [app, ...repositoryBases(app).map((b) => b.app)]) {
    const df = a.dockerfile;
    if (!df?.targetStage) return undefined;
    const stages = lineage(df, df.targetStage);
    const base = stages[0]!.from;
    const image = base.image ?? base.raw;
    const fromBase = distributionOfImage(base.image);
    if (fromBase) return { distribution: fromBase, image };
    const runs = stages.flatMap((s) => s.instructions).filter((i): i is RunInstr => i.keyword === 'RUN');
    const fromRuns = distributionOfRuns(runs);
    if (fromRuns) return { distribution: fromRuns, image };
  }
  return undefined;
}
