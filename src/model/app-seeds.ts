import {
  baseName,
  dirName,
  isDockerfile,
  isMakefile,
  isScriptFile,
  isUnder,
  normalizeRelative,
} from '../discover/classify.js';
import type { SkippedProject } from '../core/index.js';
import type { ComposeSet } from './compose-projects.js';
import { servicesOfImage } from './compose/app-service.js';
import { isNamedForProduction } from './compose-file-names.js';
import { isUrl } from './context.js';
import {
  type BuiltImage,
  builtImageOf,
  composeBuilds,
  imagesBuilt,
  imageOnlyApp,
  namedDockerfileOf,
} from './image-app.js';
import {
  buildsHelperImage,
  clonesAndRunsDjango,
  holdsNoAppCode,
  isOddCaseDefaultName,
  NON_APP_DIR,
  OTHER_ROLE,
} from './image-roles.js';
import { toolCopyReason } from './tool-copies.js';
import { byDepth, ModelPart } from './input.js';
import { contextIsOwnDirectory, contextOfTied, contextTold } from './own-context.js';
import { isSidecarService } from './sidecar.js';
import { claimWorkerImages } from './image-only-workers.js';
import {
  lastFrom,
  looksLikePythonImage,
  proxyOnly,
  runsPython,
  startsDatabaseServer,
} from './dockerfile-kind.js';
import { baseImageFor, baseOf } from './base-images.js';
import type { App } from './types/project.js';
import { readmeScripts } from './readme-commands.js';
import { attachUnparsed, mountedProject, runsApp } from './app-seed-compose.js';

/** One app the repository holds, before it is modelled: where its image, compose project and Django project are. */
export interface AppSeed {
  remoteContext?: App['remoteContext'];
  dockerfile?: string;
  contextDir?: string;
  target?: string;
  args?: Record<string, string | undefined>;
  compose?: ComposeSet;
  /** Compose files beside the app that could not be parsed (no model), so what they run is unknown. */
  unparsedCompose?: string[];
  managePy?: string;
  /**
   * Set when the compose app service only names an image (`image: acme/runner:2`) that no build of the repository
   * makes: the Dockerfile was paired with it by where it sits. The image as written.
   */
  imageNotBuiltHere?: string;
  /** Set when another Dockerfile of the repository is built FROM this one's image, by the name it is built as. */
  baseOf?: App['baseOf'];
  /** Set for another Dockerfile of the app beside its image's (`Dockerfile-py2`, `Dockerfile.dev`): that Dockerfile. */
  variantOf?: string;
}

/** Decides which apps the repository holds. */
export class AppSeeds extends ModelPart {
  readonly skipped: SkippedProject[] = [];

  /** Why `path` cannot be used when it is, or goes through, a symbolic link leading outside or nowhere. */
  private linkOnPath(path: string): string | undefined {
    for (const link of this.tree.links ?? [])
      if (isUnder(path, link.path)) return `${path === link.path ? 'it' : link.path} is ${link.reason}`;
    return undefined;
  }

  /**
   * The image of `dockerfile` runs the Django project of `to`, not `from` first chosen for it: `to` is no longer
   * skipped, and `from` is, with the projects skipped beside it.
   */
  reseat(dockerfile: string, from: string | undefined, to: string): void {
    const holder = `inside the build context of ${dockerfile}, whose app is `;
    const kept = this.skipped.filter((s) => s.managePy !== to);
    for (const s of kept) if (s.reason === holder + from) s.reason = holder + to;
    if (from && !kept.some((s) => s.managePy === from)) kept.push({ managePy: from, reason: holder + to });
    this.skipped.splice(0, this.skipped.length, ...kept);
  }

  /** Decides which apps the repository holds: compose-built images first, then Dockerfiles, then bare Django projects. */
  find(composeSets: ComposeSet[]): AppSeed[] {
    const managePys = Object.keys(this.texts)
      .filter((f) => baseName(f) === 'manage.py')
      .sort(byDepth);
    const seeds: AppSeed[] = [];
    // Dockerfiles already given an app, so a later pass does not make another app of them.
    const claimed = new Set<string>();
    seeds.push(...this.composeBuilds(composeSets, managePys, claimed));
    seeds.push(...this.composeImages(composeSets, managePys, claimed));
    const given = this.tree.options.dockerfile ? normalizeRelative(this.tree.options.dockerfile) : undefined;
    const built = this.imagesBuilt(composeSets);
    claimWorkerImages(seeds, built, this.texts, claimed);
    const builtByName = new Set(built.map((b) => b.dockerfile));
    // Base images another Dockerfile starts FROM, which no container runs as the app.
    const bases = new Set(
      this.files.filter((f) => isDockerfile(f) && baseImageFor(f, built, this.texts, this.files)),
    );
    for (const set of composeSets)
      for (const s of set.model?.services ?? []) {
        const dockerfile = s.build ? normalizeRelative(s.build.dockerfile) : undefined;
        // A service that only builds the base (no command of its own) runs nothing of the app.
        if (dockerfile && bases.has(dockerfile) && s !== set.model?.appService && !s.command && !s.entrypoint)
          claimed.add(dockerfile);
      }
    // Dockerfiles some compose file or script builds; any other is built by nothing the repository says.
    const referenced = new Set([
      ...builtByName,
      ...composeBuilds(composeSets.flatMap((s) => (s.model ? [s.model] : []))).map((b) => b.dockerfile),
    ]);
    seeds.push(
      ...this.dockerfiles(given, managePys, claimed, builtByName, bases, { referenced, found: seeds }),
    );
    if (!given) seeds.push(...this.variants(seeds, claimed, builtByName, bases));
    seeds.push(...this.bareProjects(seeds, managePys));

    // The Dockerfile named in the inputs is the app the user asked about: first, so the smoke test builds it.
    if (given) seeds.sort((a, b) => Number(b.dockerfile === given) - Number(a.dockerfile === given));

    for (const seed of seeds) if (seed.dockerfile) seed.baseOf = baseOf(seed.dockerfile, built, this.texts);
    this.attachImageOnly(seeds, composeSets);
    attachUnparsed(seeds, composeSets);
    // A compose file no app takes (backing services only) is still judged service by service, on its own.
    const attached = new Set(seeds.map((s) => s.compose));
    for (const set of composeSets)
      if (set.model && !set.model.appService && !attached.has(set)) seeds.push({ compose: set });
    return seeds;
  }

  /**
   * Attaches compose projects that run the app from an image (no build) to the app of their directory, else to the
   * one app below their directory (a root compose file running the image of backend/).
   */
  private attachImageOnly(seeds: AppSeed[], composeSets: ComposeSet[]): void {
    const dirsOf = (seed: AppSeed) =>
      [
        seed.managePy ? dirName(seed.managePy) : undefined,
        seed.dockerfile ? dirName(seed.dockerfile) : undefined,
        seed.contextDir,
      ].filter((d): d is string => d !== undefined);
    // A project already paired with the image its app service runs (built by name here) runs no other Dockerfile.
    const paired = new Set(seeds.flatMap((s) => (s.compose && !s.imageNotBuiltHere ? [s.compose] : [])));
    for (const seed of seeds) {
      if (seed.compose || seed.variantOf) continue;
      const dirs = dirsOf(seed);
      seed.compose = composeSets.find(
        (s) =>
          s.model &&
          !s.model.appService?.build &&
          !paired.has(s) &&
          dirs.includes(s.dir) &&
          runsApp(s.model, seed),
      );
    }
    const attached = new Set(seeds.map((s) => s.compose));
    for (const set of composeSets) {
      if (!set.model?.appService || set.model.appService.build || attached.has(set)) continue;
      const below = seeds.filter(
        (seed) => seed.dockerfile && !seed.variantOf && dirsOf(seed).some((d) => isUnder(d, set.dir)),
      );
      if (below.length !== 1) continue;
      if (below[0].compose) seeds.push({ ...below[0], compose: set });
      else below[0].compose = set;
    }
  }

  /** Apps whose image a compose app service builds. */
  private composeBuilds(composeSets: ComposeSet[], managePys: string[], claimed: Set<string>): AppSeed[] {
    const seeds: AppSeed[] = [];
    const seen = new Set<string>();
    // Images compose builds for a database or a front end, or for a worker beside the app, are no app of their own;
    // nor is one built for another service whose image runs no Python (nginx, a proxy, a Go worker).
    for (const set of composeSets) {
      for (const s of set.model?.services ?? []) {
        const dockerfile = s.build ? normalizeRelative(s.build.dockerfile) : undefined;
        if (!dockerfile) continue;
        const other = s.notApp === 'worker' ? set.model?.appService : s.notApp;
        const otherImage =
          s !== set.model?.appService && dockerfile in this.texts && !runsPython(this.texts, dockerfile);
        if (
          other ||
          otherImage ||
          isSidecarService(set.model!, s, this.texts, managePys) ||
          buildsHelperImage(s, this.texts[dockerfile], set.model?.appService, managePys)
        )
          claimed.add(dockerfile);
      }
    }
    for (const set of composeSets) {
      const build = set.model?.appService?.build;
      if (!build) continue;
      if (isUrl(build.context)) {
        // The image is built from a remote repository, not from this one (TF0101).
        seeds.push({
          compose: set,
          remoteContext: { url: build.context, file: build.file, line: build.line },
          managePy: managePys.find((m) => isUnder(m, set.dir)),
        });
        continue;
      }
      const dockerfile = normalizeRelative(build.dockerfile);
      const contextDir = normalizeRelative(build.context);
      // A context outside the scanned directory cannot be read: the app is judged on what is here.
      if (dockerfile === undefined || contextDir === undefined) {
        seeds.push({ compose: set, managePy: managePys.find((m) => isUnder(m, set.dir)) });
        continue;
      }
      // A context or Dockerfile reached through a link out of the tree would send outside files to the build.
      const link =
        (contextDir !== '.' ? this.linkOnPath(contextDir) : undefined) ?? this.linkOnPath(dockerfile);
      if (link) {
        const what = this.linkOnPath(contextDir) ? `build context ${contextDir}` : `Dockerfile ${dockerfile}`;
        this.addErrors([
          {
            file: build.file,
            line: build.line,
            message: `The ${what} of the compose service cannot be used: ${link}. The image is not built from it.`,
          },
        ]);
        claimed.add(dockerfile); // nor built from another context
        seeds.push({ compose: set, managePy: managePys.find((m) => isUnder(m, set.dir)) });
        continue;
      }
      if (!this.files.includes(dockerfile)) this.reportMissing(set, dockerfile);
      else if (dockerfile in this.texts && !runsPython(this.texts, dockerfile)) {
        // The service's own command starts Django in an image with no Python: nothing of the app's image is here.
        // Only the fallback from a Dockerfile the repository does not hold is TF0001's (a build that cannot be made);
        // a Dockerfile that is there parses, so nothing is reported on it, and the image is not judged as the app's.
        if (set.model!.appService!.build!.absentDockerfile) this.reportNoPython(set, dockerfile);
        claimed.add(dockerfile);
        seeds.push({ compose: set, managePy: managePys.find((m) => isUnder(m, contextDir)) });
        continue;
      }
      // The same image under another compose file is another deployment of it, judged with that file.
      const key = `${dockerfile}\0${contextDir}\0${build.target ?? ''}\0${set.files.join('\0')}`;
      claimed.add(dockerfile);
      if (seen.has(key)) continue;
      seen.add(key);
      seeds.push({
        dockerfile,
        contextDir,
        target: build.target,
        args: build.args,
        compose: set,
        managePy: managePys.find((m) => isUnder(m, contextDir)) ?? mountedProject(set, managePys),
      });
      const managePy = seeds.at(-1)!.managePy;
      seeds.push(...this.secondApps(set, dockerfile, managePy, managePys, claimed));
    }

    return seeds;
  }

  /**
   * Other services of the compose project that build another Django image of the repository (`api` from
   * api/Dockerfile.api beside `polls` from poll/Dockerfile.front, both from the root context): each is an app of
   * its own, judged with its own service of the same compose project. Only where a Django project other than the
   * app's sits below that Dockerfile's directory (not a base image, a Flask app or a proxy built beside it).
   */
  private secondApps(
    set: ComposeSet,
    appDockerfile: string,
    appManagePy: string | undefined,
    managePys: string[],
    claimed: Set<string>,
  ): AppSeed[] {
    const model = set.model!;
    const seeds: AppSeed[] = [];
    for (const s of model.services) {
      const dockerfile = s.build ? normalizeRelative(s.build.dockerfile) : undefined;
      const contextDir = s.build ? normalizeRelative(s.build.context) : undefined;
      if (s === model.appService || s.notApp || !dockerfile || contextDir === undefined) continue;
      if (dockerfile === appDockerfile || claimed.has(dockerfile) || !(dockerfile in this.texts)) continue;
      const managePy = managePys.find((m) => isUnder(m, dirName(dockerfile)) && isUnder(m, contextDir));
      if (!managePy || managePy === appManagePy || !runsPython(this.texts, dockerfile)) continue;
      claimed.add(dockerfile);
      const own: ComposeSet = {
        ...set,
        model: { ...model, appService: s, appImageServices: servicesOfImage(model.services, s) },
      };
      seeds.push({
        dockerfile,
        contextDir,
        target: s.build!.target,
        args: s.build!.args,
        compose: own,
        managePy,
      });
    }
    return seeds;
  }

  /** A Dockerfile the repository holds under a name close to a missing one (`dockerfiles/backend` → `Dockerfile.backend`). */
  private nearName(missing: string): string {
    const dir = dirName(missing);
    const base = missing.slice(missing.lastIndexOf('/') + 1);
    const near = [`Dockerfile.${base}`, `${base}.Dockerfile`, `${base}.dockerfile`, `${base}/Dockerfile`]
      .map((n) => (dir === '.' ? n : `${dir}/${n}`))
      .find((f) => this.files.includes(f));
    return near ? ` (it holds ${near})` : '';
  }

  /** A compose app service building a Dockerfile the repository does not hold: nothing of its image can be judged. */
  private reportMissing(set: ComposeSet, dockerfile: string): void {
    const service = set.model!.appService!;
    const build = service.build!;
    this.addErrors([
      {
        file: build.file,
        line: build.line,
        message: `Service '${service.name}' builds ${dockerfile}, which is not in the repository${this.nearName(dockerfile)}: the image cannot be built from it, and the rules that judge the image (and compare the service with it) stayed silent.`,
      },
    ]);
  }

  /** A compose app service starting Django in the image of a Dockerfile with no Python (nginx): it cannot run there. */
  private reportNoPython(set: ComposeSet, dockerfile: string): void {
    const service = set.model!.appService!;
    const build = service.build!;
    const from = lastFrom(this.texts, dockerfile);
    const image = `${dockerfile}, an image with no Python${from ? ` (FROM ${from})` : ''}`;
    const builds = build.absentDockerfile
      ? `builds ${build.absentDockerfile}, which is not in the repository, so Docker falls back to ${image}`
      : `builds ${image}`;
    this.addErrors([
      {
        file: build.file,
        line: build.line,
        message: `Service '${service.name}' ${builds}: the Django command it starts cannot run there. Build it from the Django app's Dockerfile; the rules that judge the image (and compare the service with it) stayed silent.`,
      },
    ]);
  }

  /**
   * A compose app service that only names an image (`image: registry/mysite:1.4`) runs the image built under that
   * name elsewhere (a compose `build` with `image:`, `docker build -t`), else the one the Dockerfile beside the
   * compose file, or beside the only Django project, builds.
   */
  private composeImages(composeSets: ComposeSet[], managePys: string[], claimed: Set<string>): AppSeed[] {
    const seeds: AppSeed[] = [];
    const built = this.imagesBuilt(composeSets);
    // A Dockerfile tied by its directory's name is built from the context the repository gives it, else told.
    const builds = [...built, ...composeBuilds(composeSets.flatMap((s) => (s.model ? [s.model] : [])))];
    const contextOf = (d: string) =>
      contextOfTied(d, this.texts[d] ?? '', (p) => this.exists(p), managePys, builds);
    for (const set of composeSets) {
      if (!set.model) continue;
      let image: BuiltImage | undefined;
      const pythonDockerfiles = this.preferredDockerfiles().filter((d) =>
        looksLikePythonImage(this.texts, d),
      );
      if (!set.model.appService) {
        // A service running the image of a proxy's Dockerfile (`nginx/Dockerfile`) is never the app service.
        const appImages = built.filter((b) => !b.dockerfile || !proxyOnly(this.texts, b.dockerfile));
        const found = imageOnlyApp(set.model, appImages, managePys, pythonDockerfiles, contextOf);
        if (!found) continue;
        found.service.role = 'app';
        set.model.appService = found.service;
        set.model.appImageServices = servicesOfImage(set.model.services, found.service);
        image = found.built;
      }
      const service = set.model.appService!;
      if (service.build) continue;
      image ??=
        builtImageOf(service, built) ??
        namedDockerfileOf(service, pythonDockerfiles, set.model.files.some(isNamedForProduction), contextOf);
      const projectDirs = managePys.length === 1 ? [set.dir, dirName(managePys[0])] : [set.dir];
      const dockerfile =
        image?.dockerfile ??
        projectDirs
          .map((dir) =>
            this.preferredDockerfiles().find(
              (d) => dirName(d) === dir && looksLikePythonImage(this.texts, d),
            ),
          )
          .find((d) => d !== undefined);
      if (!dockerfile) continue;
      // Paired by where it sits, the Dockerfile is built from the context its files tell (`docker/Dockerfile` copying
      // manage.py from the repository root), as a Dockerfile tied by its directory's name is.
      const contextDir = image?.contextDir ?? contextOf(dockerfile);
      claimed.add(dockerfile);
      seeds.push({
        dockerfile,
        contextDir,
        compose: set,
        managePy: managePys.find((m) => isUnder(m, contextDir)) ?? managePys.find((m) => isUnder(m, set.dir)),
        ...(!image && service.image ? { imageNotBuiltHere: service.image.raw ?? service.image.value } : {}),
      });
    }
    return seeds;
  }

  /** Apps of the Dockerfiles no compose project builds (or of the one named in the inputs). */
  private dockerfiles(
    given: string | undefined,
    managePys: string[],
    claimed: Set<string>,
    builtByName: Set<string>,
    bases: Set<string>,
    known: { referenced: Set<string>; found: AppSeed[] },
  ): AppSeed[] {
    const seeds: AppSeed[] = [];
    const appImage = () => [...known.found, ...seeds].some((s) => s.dockerfile && s.managePy);
    const candidates = given ? [given] : this.preferredDockerfiles().filter((d) => !claimed.has(d));
    for (const dockerfile of candidates) {
      if (claimed.has(dockerfile)) continue;
      // `DockerFile` is not the name Docker reads by default: an app only when something builds it by name.
      if (!given && isOddCaseDefaultName(dockerfile) && !builtByName.has(dockerfile)) continue;
      if (!given && bases.has(dockerfile)) continue;
      const toolCopy = given
        ? undefined
        : toolCopyReason(dockerfile, [...candidates, ...claimed], builtByName);
      if (toolCopy) {
        this.skipped.push({ dockerfile, reason: toolCopy, notAnImage: true });
        continue;
      }
      const dir = dirName(dockerfile);
      let managePy = managePys.find((m) => isUnder(m, dir));
      // `web/Dockerfile` beside manage.py copying `web/requirements.txt`: built from where the files it copies exist.
      // `Dockerfile.django` at the root running `./entrypoint.sh` of `django/`: built from the project's directory.
      let contextDir = managePy
        ? contextTold(this.texts[dockerfile] ?? '', dir, (p) => this.exists(p), dir, managePys.map(dirName))
        : dir;
      if (contextDir !== dir) managePy = managePys.find((m) => isUnder(m, contextDir)) ?? managePy;
      // A Node or proxy image beside the project (`FROM node` at the root) while another Dockerfile builds Python
      // (`docker/Dockerfile`): that one is the app's image, this one never a phantom app.
      if (
        managePy &&
        !given &&
        !runsPython(this.texts, dockerfile) &&
        candidates.some((c) => c !== dockerfile && !claimed.has(c) && runsPython(this.texts, c))
      )
        continue;
      if (!managePy) {
        // `docker/Dockerfile` built from the repository root: the nearest ancestor holding manage.py is the context.
        const ancestor = [...managePys].reverse().find((m) => isUnder(dir, dirName(m)));
        const text = this.texts[dockerfile];
        // `scheduler/Dockerfile` that copies scheduler/'s own files: built from scheduler/, it ships no Django project.
        if (
          ancestor &&
          !given &&
          text !== undefined &&
          contextIsOwnDirectory(text, dir, dirName(ancestor), (p) => this.exists(p))
        ) {
          // `RUN git clone https://…/blog.git` then `CMD … manage.py …`: the image fetches the app and runs it.
          if (clonesAndRunsDjango(text)) {
            seeds.push({ dockerfile, contextDir: dir });
            claimed.add(dockerfile);
            continue;
          }
          this.skipped.push({
            dockerfile,
            reason: `its build context is ${dir}/, which holds no Django project`,
          });
          continue;
        }
        // `docs/Dockerfile` (mkdocs), `frontend/Dockerfile`: another image of the repository, never a phantom app.
        if (ancestor && !given && NON_APP_DIR.test(baseName(dir))) continue;
        // `nginx/Dockerfile` that installs nginx (and upgrades pip) but starts no Django server: the proxy's image.
        if (!given && proxyOnly(this.texts, dockerfile)) continue;
        // `jpostgres/Dockerfile` that installs PostgreSQL on ubuntu and starts it: a database's image, not the app's.
        if (!given && startsDatabaseServer(this.texts, dockerfile)) continue;
        // `docker/Dockerfile.debug` installing a debugger: built by nothing here, copying nothing, beside the app's image.
        if (!given && !known.referenced.has(dockerfile) && holdsNoAppCode(text ?? '') && appImage()) continue;
        if (ancestor && looksLikePythonImage(this.texts, dockerfile)) {
          managePy = ancestor;
          contextDir = dirName(ancestor);
        } else if (
          managePys.length === 1 &&
          builtByName.has(dockerfile) &&
          runsPython(this.texts, dockerfile)
        ) {
          // `docker build -t NAME docker/web` in a Makefile that copies the project in first: the project's image.
          managePy = managePys[0];
        } else if (managePys.length > 0 && !given)
          continue; // another image of the repository (nginx, frontend)
        else if (!given && !looksLikePythonImage(this.texts, dockerfile) && candidates.length > 1) continue;
      }
      seeds.push({ dockerfile, contextDir, managePy });
      claimed.add(dockerfile);
    }
    return seeds;
  }

  /** Django projects no image ships: an app of their own when nothing here builds an image, else skipped. */
  private bareProjects(found: AppSeed[], managePys: string[]): AppSeed[] {
    const seeds: AppSeed[] = [];
    const paired = new Set(found.map((s) => s.managePy).filter(Boolean));
    const shipped = found.filter((s) => s.dockerfile && s.managePy);
    for (const managePy of managePys) {
      if (paired.has(managePy)) continue;
      // A Django project nested in another app's context (e.g. a test fixture) belongs to that app.
      const holder = shipped.find((s) => s.contextDir !== undefined && isUnder(managePy, s.contextDir));
      const reason = holder
        ? `inside the build context of ${holder.dockerfile}, whose app is ${holder.managePy}`
        : shipped.length > 0
          ? 'no Dockerfile or compose service analysed here builds it'
          : undefined;
      if (reason) this.skipped.push({ managePy, reason });
      else seeds.push({ managePy });
    }
    return seeds;
  }

  /** Image names the repository builds: tagged compose builds, `docker build -t` in scripts, Makefiles and READMEs. */
  imagesBuilt(composeSets: ComposeSet[]): BuiltImage[] {
    const scripts = Object.keys(this.texts)
      .filter((f) => isScriptFile(f, this.texts[f]) || isMakefile(f))
      .map((file) => ({ file, text: this.texts[file] }))
      .concat(readmeScripts(this.tree.readmes ?? {}));
    const files = new Set(this.files);
    const models = composeSets.flatMap((s) => (s.model ? [s.model] : []));
    return imagesBuilt(models, scripts, (f) => files.has(f));
  }

  /** Per directory, `Dockerfile` wins over variants (`Dockerfile.dev`); else a production-looking variant. */
  private preferredDockerfiles(): string[] {
    const byDir = new Map<string, string[]>();
    for (const f of this.files.filter(isDockerfile)) {
      if (!(f in this.texts) && !this.tree.unreadable.some((u) => u.file === f)) continue;
      const d = dirName(f);
      byDir.set(d, [...(byDir.get(d) ?? []), f]);
    }
    const out: string[] = [];
    for (const all of byDir.values()) {
      // `Dockerfile` FROM nginx beside `Dockerfile.app` FROM python: the image that runs Python is the app's.
      const python = all.filter((f) => !(f in this.texts) || runsPython(this.texts, f));
      const files = python.length > 0 ? python : all;
      const plain = files.find((f) => baseName(f) === 'Dockerfile' || baseName(f) === 'dockerfile');
      const prod = files.find((f) => /prod/i.test(baseName(f)));
      const dev = (f: string) => /(dev|test|local|ci)/i.test(baseName(f));
      out.push(plain ?? prod ?? files.find((f) => !dev(f)) ?? files[0]);
    }
    return out.sort(byDepth);
  }

  /** A file, or a directory holding files, of the scanned tree. */
  private exists(path: string): boolean {
    return this.files.some((f) => f === path || f.startsWith(`${path}/`));
  }

  /**
   * The other Dockerfiles of an app's image directory (`Dockerfile-py2`, `Dockerfile.dev`, `production.Dockerfile`)
   * that no compose service builds and that build a Python image: variants of the same app, each an app of its own,
   * with the same context and Django project but no compose project (whose rules stay with the image compose builds).
   */
  private variants(
    seeds: AppSeed[],
    claimed: Set<string>,
    builtByName: Set<string>,
    bases: Set<string>,
  ): AppSeed[] {
    const taken = new Set([...claimed, ...seeds.flatMap((s) => (s.dockerfile ? [s.dockerfile] : []))]);
    const out: AppSeed[] = [];
    for (const seed of seeds) {
      if (!seed.dockerfile || seed.variantOf) continue;
      const dir = dirName(seed.dockerfile);
      const siblings = this.files
        .filter((f) => isDockerfile(f) && dirName(f) === dir && f in this.texts && !taken.has(f))
        .filter((f) => !OTHER_ROLE.test(baseName(f)) && !bases.has(f) && runsPython(this.texts, f))
        .filter((f) => !isOddCaseDefaultName(f) || builtByName.has(f))
        .sort();
      for (const dockerfile of siblings) {
        taken.add(dockerfile);
        out.push({
          dockerfile,
          contextDir: seed.contextDir ?? dir,
          managePy: seed.managePy,
          variantOf: seed.dockerfile,
        });
      }
    }
    return out;
  }
}
