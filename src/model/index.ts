import { posix } from 'node:path';
import {
  baseName,
  DEFAULT_CONFIG_FILE,
  dirName,
  isComposeOverride,
  looksLikeCompose,
  isCoreFile,
  isDockerfile,
  isDockerignore,
  isRequirementsFile,
  isScript,
  isSettingsCandidate,
  isUnder,
  joinPath,
  moduleFiles,
  normalizeRelative,
  relativeTo,
} from '../discover/classify.js';
import type { AnalysedApp, SkippedProject } from '../core/index.js';
import type { SourceTree } from '../discover/types.js';
import { parseDockerignore, sentFiles } from '../parse/dockerignore.js';
import { parseDotenv } from '../parse/dotenv.js';
import { includedFile, parseRequirements } from '../parse/requirements.js';
import { parseShell } from '../parse/shell.js';
import { parseSuppressions } from '../parse/suppressions.js';
import { matchesGlob } from '../util/glob.js';
import { inlineScript } from './command.js';
import { modelCompose } from './compose.js';
import { ImageLayout, isUrl } from './context.js';
import { modelDockerfile } from './dockerfile.js';
import { type BuiltImage, imagesBuilt, imageOnlyApp } from './image-app.js';
import { modelSettings } from './settings/index.js';
import type { ComposeCommand, ComposeModel } from './types/compose.js';
import type { CommandInstr, DockerfileModel, RunInstr, Stage } from './types/dockerfile.js';
import type {
  App,
  BuildContext,
  EntrypointScript,
  ParseError,
  Project,
  RequirementsFile,
  SuppressionComment,
} from './types/project.js';
import type { SettingsModel } from './types/settings.js';
import type { ShellCommand } from './types/shell.js';

/** What the report says was analysed: each app's Dockerfile, compose files and settings module. */
export function analysedApps(project: Project): AnalysedApp[] {
  return project.apps.map((app) => ({
    dir: app.dir,
    ...(app.dockerfile ? { dockerfile: app.dockerfile.file } : {}),
    ...(app.compose ? { composeFiles: app.compose.files } : {}),
    ...(app.settings ? { settings: app.settings.file } : {}),
  }));
}

/** Names of the compose files Docker Compose picks up by itself, in its order of preference. */
const COMPOSE_BASES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const COMPOSE_OVERRIDES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

/** Builds the one Project value the rules read, from the discovered tree. Pure. */
export function buildProject(tree: SourceTree, isKnownRule: (rule: string) => boolean): Project {
  return new ProjectBuilder(tree, isKnownRule).build();
}

interface ComposeSet {
  dir: string;
  files: string[];
  model?: ComposeModel;
}

interface AppSeed {
  remoteContext?: App['remoteContext'];
  dockerfile?: string;
  contextDir?: string;
  target?: string;
  args?: Record<string, string | undefined>;
  compose?: ComposeSet;
  managePy?: string;
}

class ProjectBuilder {
  private readonly parseErrors: ParseError[] = [];
  private readonly errorKeys = new Set<string>();
  private readonly skipped: SkippedProject[] = [];
  private readonly files: string[];
  private readonly texts: Record<string, string>;

  constructor(
    private readonly tree: SourceTree,
    /** Whether a suppression's rule id or name is in the catalog (the model does not know the rules). */
    private readonly isKnownRule: (rule: string) => boolean,
  ) {
    this.files = tree.files;
    this.texts = tree.texts;
  }

  build(): Project {
    const { suppressions, problems } = this.suppressions();
    for (const u of this.tree.unreadable) {
      const named = this.isNamedInput(u.file);
      if (isCoreFile(u.file) || isDockerignore(u.file) || named) {
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
    const composeSets = this.composeSets();
    const excluded = (file: string | undefined) =>
      file !== undefined && (this.tree.options.exclude ?? []).some((g) => matchesGlob(g, file));
    const apps = this.seeds(composeSets)
      .filter((seed) => !excluded(seed.dockerfile ?? seed.managePy))
      .map((seed) => this.safeApp(seed));
    return {
      root: this.tree.root,
      apps,
      ...(this.skipped.length > 0 ? { skippedProjects: this.skipped } : {}),
      parseErrors: this.parseErrors,
      suppressions,
      suppressionProblems: problems,
    };
  }

  private addErrors(errors: ParseError[]): void {
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
    for (const [file, text] of Object.entries(this.texts)) {
      if (file === configFile || /(^|\/)\.env$/.test(file)) continue;
      if (!(
        isCoreFile(file) ||
        looksLikeCompose(file, text) ||
        isDockerignore(file) ||
        isRequirementsFile(file) ||
        isScript(file) ||
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

  /** Why `path` cannot be used when it is, or goes through, a symbolic link leading outside or nowhere. */
  private linkOnPath(path: string): string | undefined {
    for (const link of this.tree.links ?? [])
      if (isUnder(path, link.path)) return `${path === link.path ? 'it' : link.path} is ${link.reason}`;
    return undefined;
  }

  /** One compose project per directory holding compose files (or the files named in the inputs). */
  private composeSets(): ComposeSet[] {
    const given = this.tree.options.composeFiles?.map((f) => normalizeRelative(f) ?? f);
    const sets: ComposeSet[] = [];
    if (given && given.length > 0) {
      sets.push({ dir: dirName(given[0]), files: given.filter((f) => f in this.texts) });
    } else {
      const byDir = new Map<string, string[]>();
      for (const f of Object.keys(this.texts)
        .filter((f) => looksLikeCompose(f, this.texts[f]))
        .sort()) {
        const d = dirName(f);
        byDir.set(d, [...(byDir.get(d) ?? []), f]);
      }
      for (const [dir, files] of byDir) {
        const names = files.map(baseName);
        let base = COMPOSE_BASES.find((b) => names.includes(b));
        // No default name: a lone variant (docker-compose.prod.yml) is the project's compose file.
        base ??= names.find((n) => !isComposeOverride(baseName(n)));
        const override = COMPOSE_OVERRIDES.find((o) => names.includes(o));
        const chosen = [base, override]
          .filter((n): n is string => n !== undefined)
          .map((n) => joinPath(dir, n));
        if (chosen.length > 0) sets.push({ dir, files: chosen });
        // Other variants (docker-compose.prod.yml, compose.production.yaml, docker-compose-deploy.yml) are
        // alternatives, each analysed on its own; one that builds and names no image is layered on the base.
        for (const name of names) {
          if (name === base || isComposeOverride(name) || COMPOSE_BASES.includes(name)) continue;
          const file = joinPath(dir, name);
          const standalone = /^\s+(build|image)\s*:/m.test(this.texts[file] ?? '');
          const files = standalone || !base ? [file] : [joinPath(dir, base), file];
          sets.push({ dir, files });
        }
      }
    }
    for (const set of sets) {
      if (set.files.length === 0) continue;
      const envText = this.texts[joinPath(set.dir, '.env')];
      const env = envText === undefined ? {} : parseDotenv(envText);
      const r = modelCompose(
        set.files.map((file) => ({ file, text: this.texts[file] })),
        env,
        { texts: this.texts },
      );
      this.addErrors(r.errors);
      set.model = r.model;
    }
    return sets;
  }

  /** Decides which apps the repository holds: compose-built images first, then Dockerfiles, then bare Django projects. */
  private seeds(composeSets: ComposeSet[]): AppSeed[] {
    const managePys = Object.keys(this.texts)
      .filter((f) => baseName(f) === 'manage.py')
      .sort(byDepth);
    const seeds: AppSeed[] = [];
    const seen = new Set<string>();
    const claimed = new Set<string>();

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
        managePy: managePys.find((m) => isUnder(m, contextDir)),
      });
    }

    // A compose app service that only names an image (`image: registry/mysite:1.4`) runs the image built under that
    // name elsewhere (a compose `build` with `image:`, `docker build -t`), else the one the Dockerfile beside the
    // compose file, or beside the only Django project, builds.
    const built = this.imagesBuilt(composeSets);
    for (const set of composeSets) {
      if (!set.model) continue;
      let image: BuiltImage | undefined;
      if (!set.model.appService) {
        const found = imageOnlyApp(set.model, built, managePys);
        if (!found) continue;
        found.service.role = 'app';
        set.model.appService = found.service;
        image = found.built;
      }
      const service = set.model.appService!;
      if (service.build) continue;
      const projectDirs = managePys.length === 1 ? [set.dir, dirName(managePys[0])] : [set.dir];
      const dockerfile =
        image?.dockerfile ??
        projectDirs
          .map((dir) =>
            this.preferredDockerfiles().find((d) => dirName(d) === dir && this.looksLikePythonImage(d)),
          )
          .find((d) => d !== undefined);
      if (!dockerfile) continue;
      const contextDir = image?.contextDir ?? dirName(dockerfile);
      claimed.add(dockerfile);
      seeds.push({
        dockerfile,
        contextDir,
        compose: set,
        managePy: managePys.find((m) => isUnder(m, contextDir)) ?? managePys.find((m) => isUnder(m, set.dir)),
      });
    }

    const given = this.tree.options.dockerfile ? normalizeRelative(this.tree.options.dockerfile) : undefined;
    const candidates = given ? [given] : this.preferredDockerfiles().filter((d) => !claimed.has(d));
    for (const dockerfile of candidates) {
      if (claimed.has(dockerfile)) continue;
      const dir = dirName(dockerfile);
      let managePy = managePys.find((m) => isUnder(m, dir));
      let contextDir = dir;
      if (!managePy) {
        // `docker/Dockerfile` built from the repository root: the nearest ancestor holding manage.py is the context.
        const ancestor = [...managePys].reverse().find((m) => isUnder(dir, dirName(m)));
        if (ancestor && this.looksLikePythonImage(dockerfile)) {
          managePy = ancestor;
          contextDir = dirName(ancestor);
        } else if (managePys.length > 0 && !given)
          continue; // another image of the repository (nginx, frontend)
        else if (!given && !this.looksLikePythonImage(dockerfile) && candidates.length > 1) continue;
      }
      seeds.push({ dockerfile, contextDir, managePy });
      claimed.add(dockerfile);
    }

    const paired = new Set(seeds.map((s) => s.managePy).filter(Boolean));
    const shipped = seeds.filter((s) => s.dockerfile && s.managePy);
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

    // The Dockerfile named in the inputs is the app the user asked about: first, so the smoke test builds it.
    if (given) seeds.sort((a, b) => Number(b.dockerfile === given) - Number(a.dockerfile === given));

    // Attach compose projects that run the app from an image (no build) to the app of their directory.
    for (const seed of seeds) {
      if (seed.compose) continue;
      const dirs = [
        seed.managePy ? dirName(seed.managePy) : undefined,
        seed.dockerfile ? dirName(seed.dockerfile) : undefined,
        seed.contextDir,
      ];
      seed.compose = composeSets.find((s) => s.model && !s.model.appService?.build && dirs.includes(s.dir));
    }
    return seeds;
  }

  /** Image names the repository builds: tagged compose builds, and `docker build -t` in scripts and Makefiles. */
  private imagesBuilt(composeSets: ComposeSet[]): BuiltImage[] {
    const scripts = Object.keys(this.texts)
      .filter((f) => isScript(f) || baseName(f) === 'Makefile')
      .map((file) => ({ file, text: this.texts[file] }));
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
    for (const files of byDir.values()) {
      const plain = files.find((f) => baseName(f) === 'Dockerfile' || baseName(f) === 'dockerfile');
      const prod = files.find((f) => /prod/i.test(baseName(f)));
      const dev = (f: string) => /(dev|test|local|ci)/i.test(baseName(f));
      out.push(plain ?? prod ?? files.find((f) => !dev(f)) ?? files[0]);
    }
    return out.sort(byDepth);
  }

  private looksLikePythonImage(dockerfile: string): boolean {
    const text = this.texts[dockerfile];
    return (
      text !== undefined && /\b(python|pip3?|gunicorn|uwsgi|uvicorn|daphne|manage\.py|django)\b/i.test(text)
    );
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
      : (seed.contextDir ?? (seed.dockerfile ? dirName(seed.dockerfile) : '.'));
    const app: App = { dir, requirements: [], entrypointScripts: [] };
    if (seed.managePy) app.managePy = seed.managePy;
    if (seed.compose?.model) app.compose = seed.compose.model;
    if (seed.remoteContext) app.remoteContext = seed.remoteContext;

    if (seed.dockerfile && seed.dockerfile in this.texts) {
      const r = modelDockerfile(seed.dockerfile, this.texts[seed.dockerfile], {
        target: seed.target,
        buildArgs: seed.args,
      });
      this.addErrors(r.errors);
      if (r.model) app.dockerfile = r.model;
    }
    if (seed.dockerfile)
      app.context = this.context(seed.contextDir ?? dirName(seed.dockerfile), seed.dockerfile);

    const settings = this.settingsFile(app, seed);
    if (settings) {
      const importRoot = app.managePy ? dirName(app.managePy) : app.dir;
      // Star-imported modules are evaluated in place, so the rules judge the settings as Django runs them.
      const resolve = (from: string, module: string) => {
        const file = this.importedFile(from, module, importRoot);
        return file === undefined ? undefined : { file, text: this.texts[file] };
      };
      const r = modelSettings(settings.file, settings.module, this.texts[settings.file], resolve);
      this.addErrors(r.errors);
      if (r.model) {
        app.settings = r.model;
        const bases = this.settingsBases(r.model, importRoot);
        if (bases.length > 0) app.settingsBases = bases;
      }
    }

    if (app.dockerfile && app.context) {
      const layout = new ImageLayout(app.dockerfile, app.context.sentFiles);
      app.requirements = this.requirements(app.dockerfile, app.context, layout);
      app.entrypointScripts = this.entrypointScripts(app, layout);
      const target = app.dockerfile.targetStage;
      if (target && app.managePy && isUnder(app.managePy, app.context.dir)) {
        const landing = layout.landingOf(target, relativeTo(app.managePy, app.context.dir));
        if (landing) app.imageSourceDir = posix.dirname(landing);
      }
    }
    return app;
  }

  /** The build context: its files and what `.dockerignore` lets through (`<Dockerfile>.dockerignore` first). */
  private context(dir: string, dockerfile: string): BuildContext {
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
    if (skipped.length > 0) {
      context.skippedDirs = skipped;
      context.sentSkippedDirs = sentFiles(skipped, dockerignore);
    }
    return context;
  }

  /** The settings module: the input, the runtime environment (compose, then ENV), manage.py's default, else a search. */
  private settingsFile(app: App, seed: AppSeed): { file: string; module: string } | undefined {
    const base = app.managePy ? dirName(app.managePy) : app.dir;
    const modules: string[] = [];
    if (this.tree.options.settingsModule) modules.push(this.tree.options.settingsModule);
    const fromCompose = app.compose?.appService?.environment.find(
      (e) => e.name === 'DJANGO_SETTINGS_MODULE',
    )?.value;
    if (fromCompose) modules.push(fromCompose);
    const fromEnv = app.dockerfile?.targetStage?.env.DJANGO_SETTINGS_MODULE;
    if (fromEnv) modules.push(fromEnv);
    if (app.managePy) {
      // manage.py is boilerplate from startproject; one targeted pattern on its setdefault call is enough here.
      const m = /DJANGO_SETTINGS_MODULE['"]\s*,\s*(?:f?['"])([\w.]+)['"]/.exec(
        this.texts[app.managePy] ?? '',
      );
      if (m) modules.push(m[1]);
    }
    for (const module of modules) {
      for (const dir of [base, seed.contextDir ?? base, '.']) {
        const file = moduleFiles(dir, module).find((f) => f in this.texts);
        if (file) return { file, module };
        const unreadable = this.tree.unreadable.find((u) => moduleFiles(dir, module).includes(u.file));
        if (unreadable) {
          this.addErrors([
            {
              file: unreadable.file,
              message: `Cannot read ${unreadable.file}: ${unreadable.reason}. It was left out of the analysis.`,
            },
          ]);
          return undefined;
        }
      }
    }
    const searchDir = seed.contextDir ?? base;
    const found = Object.keys(this.texts)
      .filter(
        (f) =>
          isSettingsCandidate(f) &&
          isUnder(f, searchDir) &&
          /\b(INSTALLED_APPS|DATABASES)\b/.test(this.texts[f]),
      )
      .sort((a, b) => settingsRank(a) - settingsRank(b) || byDepth(a, b))[0];
    if (!found) return undefined;
    const module = relativeTo(found, base)
      .replace(/\/__init__\.py$|\.py$/, '')
      .replace(/\//g, '.');
    return { file: found, module };
  }

  /**
   * The settings modules a settings module star-imports (`from .base import *`), read in the order they take
   * effect: a base's own bases before it. Modules outside the repository (and cycles) are left out.
   */
  private settingsBases(
    settings: SettingsModel,
    importRoot: string,
    seen = new Set<string>(),
  ): SettingsModel[] {
    seen.add(settings.file);
    const out: SettingsModel[] = [];
    for (const { module } of settings.starImports ?? []) {
      const file = this.importedFile(settings.file, module, importRoot);
      if (!file || seen.has(file) || seen.size > 8) continue;
      const dotted = (isUnder(file, importRoot) ? relativeTo(file, importRoot) : file)
        .replace(/\/__init__\.py$|\.py$/, '')
        .replace(/\//g, '.');
      const r = modelSettings(file, dotted, this.texts[file]);
      this.addErrors(r.errors);
      if (!r.model) continue;
      out.push(...this.settingsBases(r.model, importRoot, seen), r.model);
    }
    return out;
  }

  /** The file a `from MODULE import` in `file` reads: relative to its package, or from the import root. */
  private importedFile(file: string, module: string, importRoot: string): string | undefined {
    const dots = /^\.*/.exec(module)![0].length;
    const rest = module.slice(dots);
    let dir = importRoot;
    if (dots > 0) {
      dir = dirName(file);
      for (let i = 1; i < dots; i++) dir = dirName(dir);
      if (!rest) return [joinPath(dir, '__init__.py')].find((f) => f in this.texts);
    }
    return moduleFiles(dir, rest).find((f) => f in this.texts && f !== file);
  }

  /** Requirement files the image installs: `pip install -r X` in RUN of built stages, mapped back to the context. */
  private requirements(
    model: DockerfileModel,
    context: BuildContext,
    layout: ImageLayout,
  ): RequirementsFile[] {
    const found: string[] = [];
    for (const stage of model.builtStages) {
      stage.instructions.forEach((ins, index) => {
        if (ins.keyword !== 'RUN') return;
        for (const argv of runCommands(ins as RunInstr)) {
          for (const req of requirementArgs(argv)) {
            const wd = layout.workdirAt(stage, index) ?? '/';
            const imagePath = posix.resolve(wd, req);
            let source = layout.sourceOf(stage, imagePath, index);
            // Installed straight from a bind mount or an unresolved path: fall back to the file named in the context.
            if (!source) {
              const rel = normalizeRelative(req);
              if (rel && context.sentFiles.includes(rel)) source = rel;
            }
            if (source) found.push(joinPath(context.dir, source));
          }
        }
      });
    }
    return this.withIncludes(found);
  }

  private withIncludes(files: string[]): RequirementsFile[] {
    const out: RequirementsFile[] = [];
    const queue = [...new Set(files)];
    const done = new Set<string>();
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (done.has(file) || !(file in this.texts)) continue;
      done.add(file);
      const parsed = parseRequirements(file, this.texts[file]);
      out.push(parsed);
      for (const line of parsed.lines) {
        const inc = includedFile(line);
        const path = inc ? normalizeRelative(joinPath(dirName(file), inc)) : undefined;
        if (path) queue.push(path);
      }
    }
    return out;
  }

  /** Scripts the container runs: ENTRYPOINT/CMD of the target stage and the compose command, traced to context files. */
  private entrypointScripts(app: App, layout: ImageLayout): EntrypointScript[] {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const commands: string[][] = [];
    for (const c of [target.entrypoint, target.cmd]) if (c) commands.push(...instrCommands(c));
    // ENTRYPOINT ["bash"] + CMD ["-c", "./entrypoint.sh"]: the words only make a command together.
    if (target.entrypoint?.argv && target.cmd?.argv)
      commands.push(...argvCommands([...target.entrypoint.argv, ...target.cmd.argv]));
    const service = app.compose?.appService;
    for (const c of [service?.entrypoint, service?.command]) if (c) commands.push(...composeCommands(c));
    const out: EntrypointScript[] = [];
    const workdir = target.workdir || '/';
    // A script found may run another (wait_for_postgres.sh running start.sh): its commands are searched in turn.
    for (let k = 0; k < commands.length && k < 200; k++) {
      const argv = commands[k];
      for (const word of scriptWords(argv)) {
        const candidates = word.includes('/')
          ? [posix.resolve(workdir, word)]
          : [posix.resolve(workdir, word), ...binDirs(word)];
        for (const imagePath of candidates) {
          const source =
            layout.sourceOf(target, imagePath) ?? this.copiedByName(target, word, context, layout);
          if (!source) continue;
          const file = joinPath(context.dir, source);
          if (!(file in this.texts) || out.some((s) => s.file === file)) break;
          const script = parseShell(this.texts[file], 1);
          out.push({ file, script, imagePath });
          for (const c of script.commands) commands.push(...argvCommands(c.argv));
          break;
        }
      }
    }
    return out;
  }

  /** A bare command name (`docker-entrypoint.sh`) found on PATH: any COPY landing a file of that name. */
  private copiedByName(
    stage: Stage,
    word: string,
    context: BuildContext,
    layout: ImageLayout,
  ): string | undefined {
    if (word.includes('/')) return undefined;
    for (const f of context.sentFiles) {
      if (baseName(f) !== word) continue;
      if (layout.landingOf(stage, f)) return f;
    }
    return undefined;
  }
}

function byDepth(a: string, b: string): number {
  return a.split('/').length - b.split('/').length || a.localeCompare(b);
}

/** Prefers `settings.py`, then `settings/production.py`-like modules, then others. */
function settingsRank(file: string): number {
  if (baseName(file) === 'settings.py') return 0;
  if (/prod/.test(baseName(file))) return 1;
  if (baseName(file) === '__init__.py') return 3;
  return 2;
}

function runCommands(run: RunInstr): string[][] {
  if (run.argv) {
    const [cmd, flag, script] = run.argv;
    if (/(^|\/)(ba|da)?sh$/.test(cmd ?? '') && flag === '-c' && script)
      return parseShell(script).commands.map((c) => c.argv);
    return [run.argv];
  }
  return run.script?.commands.map((c: ShellCommand) => c.argv) ?? [];
}

/** `-r X` / `--requirement=X` arguments of a `pip install` (pip, pip3, python -m pip, uv pip). */
export function requirementArgs(argv: string[]): string[] {
  const i = argv.findIndex((w) => /(^|\/)pip[\d.]*$/.test(w));
  // wheel/download in a builder stage define what is installed later just as well.
  const installAt = argv.findIndex((w, k) => k > i && ['install', 'wheel', 'download'].includes(w));
  const isPip = (i >= 0 || argv.some((w, k) => w === '-m' && argv[k + 1] === 'pip')) && installAt >= 0;
  if (!isPip) return [];
  const out: string[] = [];
  for (let k = installAt + 1; k < argv.length; k++) {
    const w = argv[k];
    if ((w === '-r' || w === '--requirement' || w === '--requirements') && argv[k + 1]) out.push(argv[++k]);
    else if (/^--requirements?=/.test(w)) out.push(w.slice(w.indexOf('=') + 1));
    else if (/^-r[^-]/.test(w)) out.push(w.slice(2));
  }
  return out.filter((p) => !p.includes('$'));
}

function instrCommands(c: CommandInstr): string[][] {
  if (c.argv) return argvCommands(c.argv);
  return c.script?.commands.map((x) => x.argv) ?? [];
}

/** An argv, followed by the commands of its `sh -c` script when it is one. */
function argvCommands(argv: string[]): string[][] {
  const script = inlineScript(argv);
  return script === undefined ? [argv] : [argv, ...parseShell(script).commands.map((x) => x.argv)];
}

function composeCommands(c: ComposeCommand): string[][] {
  if (c.argv) {
    const [cmd, flag, script] = c.argv;
    if (/(^|\/)(ba|da)?sh$/.test(cmd ?? '') && flag === '-c' && script)
      return [c.argv, ...parseShell(script).commands.map((x) => x.argv)];
    return [c.argv];
  }
  return c.script?.commands.map((x) => x.argv) ?? [];
}

/** The words of a command that may name a script in the image: the program, or the file a shell runs. */
function scriptWords(argv: string[]): string[] {
  if (argv.length === 0) return [];
  let k = 0;
  while (
    ['exec', 'tini', '/tini', '--', '/usr/bin/tini', 'dumb-init', '/usr/bin/dumb-init'].includes(argv[k])
  )
    k++;
  const cmd = argv[k];
  if (cmd === undefined) return [];
  if (/(^|\/)(ba|da)?sh$/.test(cmd)) {
    const rest = argv.slice(k + 1).filter((w) => !w.startsWith('-'));
    if (argv.slice(k + 1).includes('-c')) return [];
    return rest.slice(0, 1);
  }
  if (/(^|\/)python[\d.]*$/.test(cmd)) return [];
  if (/^(gunicorn|uwsgi|uvicorn|daphne|django-admin)$/.test(baseName(cmd))) return [];
  return [cmd];
}

function binDirs(word: string): string[] {
  return ['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin'].map((d) => `${d}/${word}`);
}
