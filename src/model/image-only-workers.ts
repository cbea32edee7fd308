/**
 * The worker services of an app's compose project that only name an image (`image: acme/tasks:1.4`, no `build:`)
 * which this repository builds by that name from a Dockerfile of the app's code. Pure.
 */
import { dirName, isUnder } from '../discover/classify.js';
import { imageBuiltFrom } from './compose/built-image.js';
import { startKind } from './compose/start-scripts.js';
import { type BuiltImage, builtImageOf } from './image-app.js';
import type { ComposeModel, ComposeService } from './types/compose.js';

/** A worker service running, by name, an image the repository builds, and how that image is built. */
export interface ImageOnlyWorker {
  service: ComposeService;
  dockerfile: string;
  contextDir: string;
  /** The app's image as the worker's Dockerfile names it in FROM (`acme/site:1.4`), when it is built on it. */
  fromApp?: string;
}

/** What decides an app's image-only workers: its compose project, Django project and image's Dockerfile. */
export interface WorkerHost {
  compose?: ComposeModel;
  managePy?: string;
  dockerfile?: string;
}

/**
 * The services of an app's compose project that run no image of the app's own and build nothing, whose image the
 * repository builds by name (a script's or Makefile's `docker build -t`, a compose `build` with `image:`) from a
 * Dockerfile no app builds (`appDockerfiles`), when that Dockerfile runs the app's code (FROM the app's image, or
 * built from a context that holds the Django project) and the service starts a worker (celery, rq, huey, ...).
 */
export function imageOnlyWorkers(
  app: WorkerHost,
  built: BuiltImage[],
  texts: Record<string, string>,
  appDockerfiles: Set<string>,
): ImageOnlyWorker[] {
  const compose = app.compose;
  const projectDir = app.managePy ? dirName(app.managePy) : undefined;
  if (!compose?.appService || projectDir === undefined) return [];
  const ofApp = new Set(compose.appImageServices ?? [compose.appService]);
  // The names the repository builds the app's own image under (`docker build -f Dockerfile.site -t acme/site .`).
  const appImages = new Set(built.filter((b) => b.dockerfile === app.dockerfile).map((b) => b.repository));
  const out: ImageOnlyWorker[] = [];
  for (const service of compose.services) {
    if (service.build || !service.image || ofApp.has(service) || service.role !== 'other' || service.notApp)
      continue;
    const match = builtImageOf(service, built);
    if (!match || appDockerfiles.has(match.dockerfile) || !(match.dockerfile in texts)) continue;
    const image = imageBuiltFrom(match.dockerfile, match.contextDir, texts);
    if (!image) continue;
    const fromApp = image.base !== undefined && appImages.has(image.base) ? image.baseImage : undefined;
    if (!fromApp && !isUnder(projectDir, match.contextDir)) continue;
    if (startKind(service, texts, projectDir, image) !== 'worker') continue;
    out.push({
      service,
      dockerfile: match.dockerfile,
      contextDir: match.contextDir,
      ...(fromApp ? { fromApp } : {}),
    });
  }
  return out;
}

/**
 * Claims the Dockerfiles of the image-only workers of the apps found so far (`seeds`), so that none of them is made
 * an app of its own (a variant of the app's image): a worker service runs it.
 */
export function claimWorkerImages(
  seeds: { compose?: { model?: ComposeModel }; managePy?: string; dockerfile?: string }[],
  built: BuiltImage[],
  texts: Record<string, string>,
  claimed: Set<string>,
): void {
  const appDockerfiles = new Set(seeds.flatMap((s) => (s.dockerfile ? [s.dockerfile] : [])));
  for (const seed of seeds) {
    const host = { compose: seed.compose?.model, managePy: seed.managePy, dockerfile: seed.dockerfile };
    for (const worker of imageOnlyWorkers(host, built, texts, appDockerfiles)) claimed.add(worker.dockerfile);
  }
}
