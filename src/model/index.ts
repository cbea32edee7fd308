import { dockerClientOf } from './docker-client.js';
import { isEnvStyleName, isEnvTemplateName, isInEnvDir } from '../discover/env-files.js';
import { envSecrets, type EnvSecrets } from './env-files.js';
import { posix } from 'node:path';
import {
  baseName,
  DEFAULT_CONFIG_FILE,
  dirName,
  isCoreFile,
  isDockerfile,
  isDockerignore,
  isMakefile,
  isRequirementsFile,
  isScript,
  isScriptFile,
  isUnder,
  joinPath,
  composeFilesAmong,
  normalizeRelative,
  relativeTo,
} from '../discover/classify.js';
import type { AnalysedApp } from '../core/index.js';
import type { SourceTree } from '../discover/types.js';
import { parseDockerignore, sentFiles } from '../parse/dockerignore.js';
import { parseSuppressions } from '../parse/suppressions.js';
import { matchesGlob } from '../util/glob.js';
import { type AppSeed, AppSeeds } from './app-seeds.js';
import type { BuiltImage } from './image-app.js';
import { imageOnlyWorkers } from './image-only-workers.js';
import { djangoDirectories } from './command/directories.js';
import { type ComposeSet, ComposeProjects } from './compose-projects.js';
import { ImageLayout } from './context.js';
import { buildScripts } from './build-scripts.js';
import { defaultBuild } from './default-build.js';
import { modelDockerfile } from './dockerfile.js';
import { contextTold, contextUnknown } from './own-context.js';
import { boundFile, ImageFiles } from './image-files.js';
import { readmeScripts } from './readme-commands.js';
import { linkRepositoryBases, repositoryBuilds } from './repo-base.js';
import type { ModelInput } from './input.js';
import { SettingsModules } from './settings-modules.js';
import { decoupleConfigOf } from './decouple-config.js';
import { servicesOfImage } from './compose/app-service.js';
import { markServiceBuilds } from './compose/service-builds.js';
import type { ComposeBuild, ComposeModel, ComposeService } from './types/compose.js';
import type { DockerfileModel } from './types/dockerfile.js';
import type {
  App,
  BuildContext,
  ParseError,
  Project,
  SidecarImage,
  SuppressionComment,
} from './types/project.js';
import { isSidecarService } from './sidecar.js';
import { missingServers, uwsgiInstall } from './server-install.js';
import { shippedServers } from './shipped-servers.js';
import { uploadFields } from './upload-fields.js';

/** What the report says was analysed: each app's Dockerfile, compose files and settings module. */

// Python dependency manifests of the repository, wherever they are (a build context may hold none of them).
const PYTHON_MANIFEST =
  /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|Pipfile(\.lock)?|poetry\.lock|uv\.lock)$/;
export function analysedApps(project: Project): AnalysedApp[] {
  return project.apps.map((app) => ({
    dir: app.dir,
    ...(app.dockerfile ? { dockerfile: app.dockerfile.file } : {}),
    ...(app.compose ? { composeFiles: app.compose.files } : {}),
    ...(app.settings ? { settings: app.settings.file } : {}),
  }));
}

/** Builds the one Project value the rules read, from the discovered tree. Pure. */
export function buildProject(tree: SourceTree, isKnownRule: (rule: string) => boolean): Project {
  return new ProjectBuilder(tree, isKnownRule).build();
}

class ProjectBuilder implements ModelInput {
  private readonly parseErrors: ParseError[] = [];
  private readonly errorKeys = new Set<string>();
  private readonly files: string[];
  private readonly texts: Record<string, string>;
  private readonly seeds: AppSeeds;
  private readonly settingsModules: SettingsModules;
  private readonly imageFiles: ImageFiles;
  /** Each env-style file's secrets, parsed once however many build contexts hold it. */
  private readonly envSecretsByPath = new Map<string, EnvSecrets | undefined>();

  constructor(
    readonly tree: SourceTree,
    /** Whether a suppression's rule id or name is in the catalog (the model does not know the rules). */
    private readonly isKnownRule: (rule: string) => boolean,
  ) {
    this.files = tree.files;
    this.texts = tree.texts;
    this.seeds = new AppSeeds(this);
    this.settingsModules = new SettingsModules(this);
    this.imageFiles = new ImageFiles(this);
  }

  build(): Project {
    const { suppressions, problems } = this.suppressions();
    for (const u of this.tree.unreadable) {
      const named = this.isNamedInput(u.file);
      // Requirements and scripts too: an unread one would silently hide its unpinned lines or start commands.
      if (
        isCoreFile(u.file) ||
        isDockerignore(u.file) ||
        isRequirementsFile(u.file) ||
        isScript(u.file) ||
        named
      ) {
        const what = named ? `${u.file} (named in the inputs)` : u.file;
        this.addErrors([
          { file: u.file, message: `Cannot read ${what}: ${u.reason}. It was left out of the analysis.` },
        ]);
      }
    }
    if (this.tree.truncated) {
      this.addErrors([
        {
          file: '.',
          message: `The directory holds more than ${this.tree.truncated.limit} files; only the first ${this.tree.truncated.limit} were considered. Exclude generated or vendored directories to analyse it fully.`,
        },
      ]);
    }
    const composeSets = new ComposeProjects(this).find();
    const excluded = (file: string | undefined) =>
      file !== undefined && (this.tree.options.exclude ?? []).some((g) => matchesGlob(g, file));
    const apps = this.seeds
      .find(composeSets)
      .filter((seed) => !excluded(seed.dockerfile ?? seed.managePy))
      .map((seed) => this.safeApp(seed));
    const files = new Set(this.files);
    const scripts = Object.keys(this.texts)
      .filter((f) => isScriptFile(f, this.texts[f]) || isMakefile(f))
      .map((file) => ({ file, text: this.texts[file] }))
      .concat(readmeScripts(this.tree.readmes ?? {}));
    const models = composeSets.flatMap((s) => (s.model ? [s.model] : []));
    const builds = repositoryBuilds(models, scripts, this.tree.ciConfigs ?? {}, (f) => files.has(f));
    linkRepositoryBases(apps, builds);
    const otherDockerfiles = this.otherDockerfiles(apps, excluded);
    const otherContexts = this.otherContexts(otherDockerfiles, composeSets);
    for (const df of otherDockerfiles) {
      const context = otherContexts[df.file];
      if (context)
        df.buildScripts = buildScripts(df, context, new ImageLayout(df, context.sentFiles), this.texts);
    }
    const built = this.seeds.imagesBuilt(composeSets);
    markServiceBuilds(models, built, this.texts);
    const workerImages = this.workerImages(apps, excluded, built);
    for (const app of [...apps, ...workerImages]) {
      const uploads = uploadFields(this.texts, app.managePy && dirName(app.managePy));
      if (uploads.length > 0) app.uploadFields = uploads;
    }
    const sidecarImages = this.sidecarImages(otherDockerfiles, otherContexts, composeSets);
    return {
      root: this.tree.root,
      apps,
      composeFiles: composeFilesAmong(this.texts).sort(),
      pythonManifests: this.files.filter((f) => PYTHON_MANIFEST.test(f)).sort(),
      ...(otherDockerfiles.length > 0 ? { otherDockerfiles, otherContexts } : {}),
      ...(workerImages.length > 0 ? { workerImages } : {}),
      ...(sidecarImages.length > 0 ? { sidecarImages } : {}),
      ...(this.seeds.skipped.length > 0 ? { skippedProjects: this.seeds.skipped } : {}),
      parseErrors: this.parseErrors,
      suppressions,
      suppressionProblems: problems,
    };
  }

  /** The Dockerfiles no app builds (the config's excludes left out), modelled with their last stage as target. */
  private otherDockerfiles(apps: App[], excluded: (file: string) => boolean): DockerfileModel[] {
    const images = new Set(apps.flatMap((a) => (a.dockerfile ? [a.dockerfile.file] : [])));
    for (const s of this.seeds.skipped) if (s.notAnImage && s.dockerfile) images.add(s.dockerfile);
    const out: DockerfileModel[] = [];
    for (const file of Object.keys(this.texts).filter(isDockerfile).sort()) {
      if (images.has(file) || excluded(file)) continue;
      const r = modelDockerfile(file, this.texts[file]);
      this.addErrors(r.errors);
      if (r.model) out.push(r.model);
    }
    return out;
  }

  /**
   * The images of an app's worker (a service that starts celery, rq, huey, dramatiq) from a Dockerfile no app builds:
   * one compose builds from a context that holds the Django project, or one a service runs by the name the repository
   * builds it under (`docker build -t` in a script) from the app's image or such a context. Each as the app seen from
   * that image, once.
   */
  private workerImages(apps: App[], excluded: (file: string) => boolean, built: BuiltImage[]): App[] {
    const images = new Set(apps.flatMap((a) => (a.dockerfile ? [a.dockerfile.file] : [])));
    const seen = new Set<string>();
    const out: App[] = [];
    for (const app of apps) {
      const compose = app.compose;
      const projectDir = app.managePy ? dirName(app.managePy) : undefined;
      if (!compose || projectDir === undefined) continue;
      const envFiles = compose.services.flatMap((s) =>
        s.envFiles.filter((f) => !f.unknown).map((f) => f.path),
      );
      const view = (service: ComposeService, file: string, contextDir: string, build?: ComposeBuild) => {
        const key = `${file}\0${contextDir}\0${build?.target ?? ''}`;
        if (excluded(file) || !(file in this.texts) || seen.has(key)) return undefined;
        seen.add(key);
        const r = modelDockerfile(file, this.texts[file], { target: build?.target, buildArgs: build?.args });
        if (!r.model) return undefined;
        const services = servicesOfImage(compose.services, service);
        const context = this.context(contextDir, file, envFiles);
        return this.imageView(app, r.model, context, {
          ...compose,
          appService: service,
          appImageServices: services,
        });
      };
      for (const service of compose.services) {
        const build = service.build;
        const file = build && normalizeRelative(build.dockerfile);
        const contextDir = build && (normalizeRelative(build.context) ?? build.context);
        if (!build || !file || !contextDir || service.notApp !== 'worker' || images.has(file)) continue;
        if (!isUnder(projectDir, contextDir)) continue;
        const v = view(service, file, contextDir, build);
        if (v) out.push(v);
      }
      const host = { compose, managePy: app.managePy, dockerfile: app.dockerfile?.file };
      for (const worker of imageOnlyWorkers(host, built, this.texts, images)) {
        const v = view(worker.service, worker.dockerfile, worker.contextDir);
        if (!v) continue;
        // Built FROM the app's image: what its target stage leaves unset (USER, CMD) is the app image's.
        if (worker.fromApp) v.baseImage = { image: worker.fromApp, app };
        out.push(v);
      }
    }
    return out;
  }

  /** `app` as the containers of another image of its code run it: that image's files, start scripts and service. */
  private imageView(
    app: App,
    dockerfile: DockerfileModel,
    context: BuildContext,
    compose: ComposeModel,
  ): App {
    const view: App = {
      dir: app.dir,
      ...(app.managePy ? { managePy: app.managePy } : {}),
      dockerfile,
      context,
      compose,
      ...(app.unparsedCompose ? { unparsedCompose: app.unparsedCompose } : {}),
      ...(app.settings ? { settings: app.settings } : {}),
      ...(app.settingsBases ? { settingsBases: app.settingsBases } : {}),
      requirements: [],
      entrypointScripts: [],
      workerServices: (compose.appImageServices ?? []).map((s) => s.name),
    };
    const layout = new ImageLayout(dockerfile, context.sentFiles);
    view.requirements = this.imageFiles.requirements(dockerfile, context, layout);
    view.entrypointScripts = this.imageFiles.entrypointScripts(view, layout);
    const programs = this.imageFiles.supervisorPrograms(view, layout);
    if (programs.length > 0) view.supervisorPrograms = programs;
    view.entrypointScripts.push(...this.imageFiles.programScripts(view, layout));
    view.serverConfigs = this.imageFiles.serverConfigs(view, layout);
    const uwsgi = uwsgiInstall(view, layout, this.texts);
    if (uwsgi) view.uwsgi = uwsgi;
    const missing = missingServers(view, layout, this.texts);
    if (missing.length > 0) view.missingServers = missing;
    view.startPrograms = this.imageFiles.startPrograms(view, layout);
    const target = dockerfile.targetStage;
    if (target && app.managePy && isUnder(app.managePy, context.dir)) {
      const landing = layout.landingOf(target, relativeTo(app.managePy, context.dir));
      if (landing) view.imageSourceDir = posix.dirname(landing);
    }
    return view;
  }

  /** The images of `otherDockerfiles` compose builds for a sidecar of the app, with the requirements they install. */
  private sidecarImages(
    dockerfiles: DockerfileModel[],
    contexts: Record<string, BuildContext>,
    composeSets: ComposeSet[],
  ): SidecarImage[] {
    const managePys = this.files.filter((f) => posix.basename(f) === 'manage.py');
    const out: SidecarImage[] = [];
    for (const set of composeSets)
      for (const service of set.model?.services ?? []) {
        if (!isSidecarService(set.model!, service, this.texts, managePys)) continue;
        const file = normalizeRelative(service.build!.dockerfile);
        const dockerfile = dockerfiles.find((d) => d.file === file);
        if (!dockerfile || out.some((o) => o.dockerfile === dockerfile)) continue;
        const context = contexts[dockerfile.file];
        const layout = new ImageLayout(dockerfile, context.sentFiles);
        out.push({
          dockerfile,
          context,
          requirements: this.imageFiles.requirements(dockerfile, context, layout),
        });
      }
    return out;
  }

  /** The context each Dockerfile no app builds is built from: a compose service's, else the Dockerfile's directory. */
  private otherContexts(
    dockerfiles: DockerfileModel[],
    composeSets: ComposeSet[],
  ): Record<string, BuildContext> {
    const builds = composeSets.flatMap(
      (set) => set.model?.services.flatMap((s) => (s.build ? [s.build] : [])) ?? [],
    );
    const out: Record<string, BuildContext> = {};
    const exists = (p: string) => this.files.some((f) => f === p || f.startsWith(`${p}/`));
    for (const { file } of dockerfiles) {
      const build = builds.find((b) => normalizeRelative(b.dockerfile) === file);
      // Nothing builds it: the directory where the files it copies exist (`client/`, for client/docker/prod/Dockerfile).
      const dir = build
        ? (normalizeRelative(build.context) ?? build.context)
        : contextTold(this.texts[file] ?? '', dirName(file), exists);
      out[file] = this.context(dir, file, []);
      if (!build && contextUnknown(this.texts[file] ?? '', dirName(file), exists)) out[file].unknown = true;
    }
    return out;
  }

  addErrors(errors: ParseError[]): void {
    for (const e of errors) {
      const key = `${e.file}\0${e.line ?? ''}\0${e.message}`;
      if (this.errorKeys.has(key)) continue;
      this.errorKeys.add(key);
      this.parseErrors.push(e);
    }
  }

  private suppressions(): { suppressions: SuppressionComment[]; problems: Project['suppressionProblems'] } {
    const suppressions: SuppressionComment[] = [];
    const problems: Project['suppressionProblems'] = [];
    const configFile = this.tree.options.configFile ?? DEFAULT_CONFIG_FILE;
    const composeFiles = new Set(composeFilesAmong(this.texts));
    for (const [file, text] of Object.entries(this.texts)) {
      if (file === configFile || /(^|\/)\.env$/.test(file)) continue;
      if (!(
        isCoreFile(file) ||
        composeFiles.has(file) ||
        isDockerignore(file) ||
        isRequirementsFile(file) ||
        isScriptFile(file, text) ||
        file.endsWith('.py')
      )) {
        if (!this.isNamedInput(file)) continue;
      }
      const syntax =
        isDockerfile(file) || file === this.tree.options.dockerfile
          ? 'dockerfile'
          : isDockerignore(file)
            ? 'line-start'
            : 'trailing';
      const r = parseSuppressions(file, text, this.isKnownRule, syntax);
      suppressions.push(...r.suppressions);
      problems.push(...r.problems);
    }
    return { suppressions, problems };
  }

  private isNamedInput(file: string): boolean {
    const o = this.tree.options;
    const named = [o.dockerfile, ...(o.composeFiles ?? [])].filter((f): f is string => !!f);
    return named.some((f) => f === file || normalizeRelative(f) === file);
  }
  /** One app's modelling failing (a bug, not bad input) must not take the others down: it becomes a TF0001. */
  private safeApp(seed: AppSeed): App {
    try {
      return this.app(seed);
    } catch (error) {
      const file = seed.dockerfile ?? seed.managePy ?? '.';
      this.addErrors([{ file, message: `Could not model the app of ${file}: ${(error as Error).message}` }]);
      return { dir: seed.managePy ? dirName(seed.managePy) : '.', requirements: [], entrypointScripts: [] };
    }
  }

  private app(seed: AppSeed): App {
    const dir = seed.managePy
      ? dirName(seed.managePy)
      : (seed.contextDir ?? (seed.dockerfile ? dirName(seed.dockerfile) : (seed.compose?.dir ?? '.')));
    const app: App = { dir, requirements: [], entrypointScripts: [] };
    if (seed.managePy) app.managePy = seed.managePy;
    if (seed.compose?.model) app.compose = seed.compose.model;
    const mounted = this.mountedFiles(app.compose?.appService);
    if (mounted.length > 0) app.mountedFiles = mounted;
    const unparsed = [...(seed.compose?.unparsed ?? []), ...(seed.unparsedCompose ?? [])];
    if (unparsed.length > 0) app.unparsedCompose = unparsed;
    if (seed.remoteContext) app.remoteContext = seed.remoteContext;
    if (seed.imageNotBuiltHere) app.imageNotBuiltHere = seed.imageNotBuiltHere;
    if (seed.baseOf) app.baseOf = seed.baseOf;
    if (seed.variantOf) app.variantOf = seed.variantOf;

    if (seed.dockerfile && seed.dockerfile in this.texts) {
      const r = modelDockerfile(seed.dockerfile, this.texts[seed.dockerfile], {
        target: seed.target,
        buildArgs: seed.args,
      });
      this.addErrors(r.errors);
      if (r.model) app.dockerfile = r.model;
    }
    if (seed.dockerfile)
      app.context = this.context(
        seed.contextDir ?? dirName(seed.dockerfile),
        seed.dockerfile,
        (app.compose?.services ?? []).flatMap((s) => s.envFiles.filter((f) => !f.unknown).map((f) => f.path)),
      );

    if (app.dockerfile && app.context) {
      const layout = new ImageLayout(app.dockerfile, app.context.sentFiles);
      app.requirements = this.imageFiles.requirements(app.dockerfile, app.context, layout);
      const context = app.context;
      const plain = defaultBuild(
        app.dockerfile,
        this.texts[app.dockerfile.file]!,
        seed.target,
        app.requirements,
        (m) => this.imageFiles.requirements(m, context, new ImageLayout(m, context.sentFiles)),
      );
      if (plain) app.defaultBuild = plain;
      app.dockerfile.buildScripts = buildScripts(app.dockerfile, context, layout, this.texts);
      app.entrypointScripts = this.imageFiles.entrypointScripts(app, layout);
      // Two Django projects in one image: the one the start command runs in is the app (`cd shop && gunicorn …`).
      const started = this.projectStarted(app, app.context, layout);
      if (started && seed.dockerfile && started !== app.managePy) {
        this.seeds.reseat(seed.dockerfile, app.managePy, started);
        app.managePy = started;
        app.dir = dirName(started);
      }
      const programs = this.imageFiles.supervisorPrograms(app, layout);
      if (programs.length > 0) app.supervisorPrograms = programs;
      // The scripts supervisord's programs run are start scripts too (`command=/app/run-app.sh`).
      app.entrypointScripts.push(...this.imageFiles.programScripts(app, layout));
      // What the start installs is what the container runs, as much as what the image's RUNs install.
      for (const req of this.imageFiles.startRequirements(app, layout))
        if (!app.requirements.some((r) => r.file === req.file)) app.requirements.push(req);
      app.serverConfigs = this.imageFiles.serverConfigs(app, layout);
      const uwsgi = uwsgiInstall(app, layout, this.texts);
      if (uwsgi) app.uwsgi = uwsgi;
      const missing = missingServers(app, layout, this.texts);
      if (missing.length > 0) app.missingServers = missing;
      // After the supervisor's programs and the uwsgi ini files: the Python programs they start are start programs too.
      app.startPrograms = this.imageFiles.startPrograms(app, layout);
      const shipped = shippedServers(app, layout, this.texts);
      if (shipped.length > 0) app.shippedServers = shipped;
      const proxyConfigs = this.imageFiles.proxyConfigs(app, layout);
      if (proxyConfigs.length > 0) app.proxyConfigs = proxyConfigs;
      const client = dockerClientOf(app, this.tree.dockerSdkUses ?? []);
      if (client) app.dockerClient = client;
      const target = app.dockerfile.targetStage;
      if (target && app.managePy && isUnder(app.managePy, app.context.dir)) {
        const landing = layout.landingOf(target, relativeTo(app.managePy, app.context.dir));
        if (landing) app.imageSourceDir = posix.dirname(landing);
      }
      if (target) {
        const context = app.context;
        // manage.py alone (`COPY manage.py requirements.txt ./`, the code mounted at run time) is no app code, when the
        // context sends other Python files the image leaves out.
        const python = context.sentFiles.filter((f) => f.endsWith('.py'));
        const code = python.filter((f) => posix.basename(f) !== 'manage.py');
        app.imageHoldsPython = (code.length > 0 ? code : python).some((f) => layout.landingOf(target, f));
      }
    }

    // A compose file of backing services only runs no Django project: its services are judged, no settings.
    if (!seed.managePy && !seed.dockerfile && !seed.remoteContext) return app;
    // After the start scripts: the server they start names the wsgi module whose settings it runs.
    const { settings, bases, served, managed, imaged } = this.settingsModules.model(app, seed);
    if (settings) app.settings = settings;
    const decouple = settings && decoupleConfigOf(settings, new Set(this.files), this.texts);
    if (decouple) {
      const context = app.dockerfile ? app.context : undefined;
      if (context && isUnder(decouple.file, context.dir))
        decouple.sent = context.sentFiles.includes(relativeTo(decouple.file, context.dir));
      app.decoupleConfig = decouple;
    }
    if (bases.length > 0) app.settingsBases = bases;
    if (served) app.servedSettings = served;
    if (managed) app.managedSettings = managed;
    if (imaged) app.imageSettings = imaged;
    const missingDefault = this.settingsModules.missingManagePyDefault(app);
    if (missingDefault) app.missingManagePySettings = missingDefault;
    return app;
  }

  /** The files of the repository directories `service` bind-mounts, relative to each mount's source. */
  private mountedFiles(service: ComposeService | undefined): string[] {
    const out = new Set<string>();
    for (const v of service?.volumes ?? []) {
      if (
        v.type !== 'bind' ||
        v.source === undefined ||
        v.source.startsWith('/') ||
        v.source.startsWith('..')
      )
        continue;
      for (const f of this.files)
        if (f !== v.source && isUnder(f, v.source)) out.add(relativeTo(f, v.source));
    }
    return [...out];
  }

  /**
   * The Django project the start command runs, among several the image holds: the one whose manage.py lands in a
   * directory the start commands run Django in. Undefined when the image holds one project, or none is named so.
   */
  private projectStarted(app: App, context: BuildContext, layout: ImageLayout): string | undefined {
    const target = app.dockerfile?.targetStage;
    if (!target) return undefined;
    const landings = Object.keys(this.texts)
      .filter((f) => baseName(f) === 'manage.py' && isUnder(f, context.dir))
      .flatMap((managePy) => {
        const at = layout.landingOf(target, relativeTo(managePy, context.dir));
        return at ? [{ managePy, dir: posix.dirname(at) }] : [];
      });
    // An image with no project of its own runs the one the app service bind-mounts where the start chain runs Django.
    if (landings.length === 0) return this.mountedProjectStarted(app);
    if (landings.length < 2) return undefined;
    for (const dir of djangoDirectories(app)) {
      const hit = landings.find((l) => l.dir === dir);
      if (hit) return hit.managePy;
    }
    return undefined;
  }

  /** The repository's manage.py a bind mount of the app service lays in a directory the start chain runs Django in. */
  private mountedProjectStarted(app: App): string | undefined {
    const volumes = app.compose?.appService?.volumes ?? [];
    for (const dir of djangoDirectories(app)) {
      const file = boundFile(volumes, posix.join(dir, 'manage.py'));
      if (file && file in this.texts) return file;
    }
    return undefined;
  }

  private envSecretsOf(path: string): EnvSecrets | undefined {
    if (!this.envSecretsByPath.has(path)) {
      const text = this.texts[path];
      this.envSecretsByPath.set(path, text === undefined ? undefined : envSecrets(text));
    }
    return this.envSecretsByPath.get(path);
  }

  /** The build context: its files and what `.dockerignore` lets through (`<Dockerfile>.dockerignore` first). */
  private context(dir: string, dockerfile: string, composeEnvFiles: string[]): BuildContext {
    const files = this.files.filter((f) => isUnder(f, dir)).map((f) => relativeTo(f, dir));
    const specific = `${dockerfile}.dockerignore`;
    const ignoreFile = specific in this.texts ? specific : joinPath(dir, '.dockerignore');
    const dockerignore =
      ignoreFile in this.texts ? parseDockerignore(ignoreFile, this.texts[ignoreFile]) : undefined;
    const skipped = (this.tree.skippedDirs ?? [])
      .filter((d) => isUnder(d, dir))
      .map((d) => relativeTo(d, dir));
    const context: BuildContext = { dir, files, sentFiles: sentFiles(files, dockerignore) };
    if (dockerignore) context.dockerignore = dockerignore;
    const sqlite = (this.tree.sqliteFiles ?? [])
      .filter((f) => isUnder(f, dir))
      .map((f) => relativeTo(f, dir));
    if (sqlite.length > 0) context.sqliteFiles = sqlite;
    // An env_file compose loads is the deploy's config whatever it holds and however it is named (a `.env-sample` it
    // loads is the file a deploy fills in); a template or a file in a `.env*` directory is judged by its content.
    const templates = files.filter((f) => {
      if (composeEnvFiles.includes(joinPath(dir, f))) return true;
      const judged = isEnvTemplateName(f) || isInEnvDir(f);
      return judged && (this.envSecretsOf(joinPath(dir, f))?.valued.length ?? 0) > 0;
    });
    if (templates.length > 0) context.envTemplatesWithSecrets = templates;
    // A committed env file that leaves every secret empty (`SECRET_KEY=` for collectstatic) ships none.
    const withoutSecrets = files.filter((f) => {
      const loaded = composeEnvFiles.includes(joinPath(dir, f));
      return (
        isEnvStyleName(f) &&
        !isEnvTemplateName(f) &&
        !loaded &&
        this.envSecretsOf(joinPath(dir, f))?.leavesEmpty === true
      );
    });
    if (withoutSecrets.length > 0) context.envFilesWithoutSecrets = withoutSecrets;
    const noSecret = files.filter(
      (f) =>
        isEnvStyleName(f) && !isEnvTemplateName(f) && this.envSecretsOf(joinPath(dir, f))?.namesNone === true,
    );
    if (noSecret.length > 0) context.envFilesNamingNoSecret = noSecret;
    if (skipped.length > 0) {
      context.skippedDirs = skipped;
      context.sentSkippedDirs = sentFiles(skipped, dockerignore);
    }
    return context;
  }
}
