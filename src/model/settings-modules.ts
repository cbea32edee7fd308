import {
  baseName,
  dirName,
  isModuleName,
  isSettingsCandidate,
  isUnder,
  joinPath,
  moduleFiles,
  relativeTo,
} from '../discover/classify.js';
import { isEnvTemplateName } from '../discover/env-files.js';
import { defaultBuildEnv } from './default-build.js';
import type { AppSeed } from './app-seeds.js';
import { serverOf } from './command/servers.js';
import { containerVariables, effectiveCommand } from './command/start-chain.js';
import { byDepth, ModelPart } from './input.js';
import { namesNoServer, onlyWsgiModule, servedModule } from './shipped-servers.js';
import { chosenSettingsModule, settingsModuleSwitch } from './settings-module-choice.js';
import { switchedDatabases } from './settings-module-switch.js';
import {
  choiceEnvironment,
  containerEnvironment,
  imageOverDevelopmentCompose,
  includeEnvironment,
  runningSettingsOption,
  setsSettingsModule,
  startChainSettingsModule,
  type Choice,
} from './settings-environment.js';
import { modelSettings } from './settings/index.js';
import { isEmptyModule, isTemplateModule, settingsRank, stemOf } from './settings-file-names.js';
import type { App } from './types/project.js';
import type { DatabasesModel, SettingsModel } from './types/settings.js';

/** A settings module found; `inPlaceOf`: the module the container names, which the repository does not hold. */
type SettingsFile = { file: string; module: string; inPlaceOf?: string };

/** Finds an app's settings module and the modules it star-imports, and models them. */

export class SettingsModules extends ModelPart {
  /** The app's settings and the bases they star-import, modelled; nothing when no settings module is found. */
  model(
    app: App,
    seed: AppSeed,
  ): {
    settings?: SettingsModel;
    bases: SettingsModel[];
    served?: SettingsModel;
    managed?: SettingsModel;
    imaged?: SettingsModel;
  } {
    const settings = this.settingsFile(app, seed);
    if (!settings) return { bases: [] };
    const managed = app.managePy ? dirName(app.managePy) : app.dir;
    // manage.py in a bin/ directory beside the package (webserver/bin/manage.py): imports resolve where the module did.
    const importRoot = moduleFiles(managed, settings.module).includes(settings.file)
      ? managed
      : (moduleRoot(settings.file, settings.module) ?? managed);
    // Star-imported modules are evaluated in place, so the rules judge the settings as Django runs them.
    const resolve = (from: string, module: string) => {
      const file = this.importedFile(from, module, importRoot);
      return file === undefined ? undefined : { file, text: this.texts[file] };
    };
    const includes = {
      files: (from: string, pattern: string) => this.includedFiles(from, pattern),
      // The image's own environment, when a development compose file would pick another module.
      variable: imageOverDevelopmentCompose(app)
        ? containerVariables(app.dockerfile?.targetStage?.env ?? {}, undefined)
        : containerEnvironment(app),
      ...(imageOverDevelopmentCompose(app) ? {} : { includeVariable: includeEnvironment(app) }),
      ...configurationDefault(app.managePy ? this.texts[app.managePy] : undefined),
    };
    const r = modelSettings(settings.file, settings.module, this.texts[settings.file], resolve, includes);
    this.addErrors(r.errors);
    if (!r.model) return { bases: [] };
    if (settings.inPlaceOf) r.model.inPlaceOf = settings.inPlaceOf;
    const other = (file: string, module: string) => {
      const m = modelSettings(file, module, this.texts[file], resolve, includes);
      this.addErrors(m.errors);
      return m.model;
    };
    const switched = this.switchedDatabases(app, r.model, importRoot, other);
    if (switched) r.model.databases = switched;
    const served = this.servedSettings(app, r.model, importRoot, other);
    const fromManagePy = this.managedSettings(app, [r.model, served], importRoot, other);
    // A container of the image started without compose has the image's ENV alone.
    const imageVariable = containerVariables(app.dockerfile?.targetStage?.env ?? {}, undefined);
    const imageIncludes = { ...includes, variable: imageVariable, includeVariable: imageVariable };
    const imaged = this.imageSettings(app, [r.model, served, fromManagePy], importRoot, (file, module) => {
      const m = modelSettings(file, module, this.texts[file], resolve, imageIncludes);
      this.addErrors(m.errors);
      return m.model;
    });
    return {
      settings: r.model,
      bases: this.settingsBases(r.model, importRoot),
      ...(served ? { served } : {}),
      ...(fromManagePy ? { managed: fromManagePy } : {}),
      ...(imaged ? { imaged } : {}),
    };
  }

  /**
   * manage.py's default settings module (DJANGO_SETTINGS_MODULE's default) when the repository holds no file for it
   * (a git-ignored `settings.local`): what a `manage.py` run with nothing setting the variable fails to import.
   */
  missingManagePyDefault(app: App): string | undefined {
    if (!app.managePy) return undefined;
    const base = dirName(app.managePy);
    const module = this.defaultSettingsModule(app.managePy, base, choiceEnvironment(app));
    if (!module || !isModuleName(module)) return undefined;
    const held = [base, '.'].some((dir) => moduleFiles(dir, module).some((f) => f in this.texts));
    return held ? undefined : module;
  }

  /**
   * The settings the image's own `ENV DJANGO_SETTINGS_MODULE` names, when the compose app service sets another
   * module: every container of the image started without that service's environment (`docker run`, a platform that
   * runs the image) loads it. So does the image a plain `docker build` makes, where compose's build args give the ENV
   * another module than the Dockerfile's ARG default. Not where the start command picks the module itself
   * (`--settings`, an export).
   */
  private imageSettings(
    app: App,
    judged: (SettingsModel | undefined)[],
    importRoot: string,
    model: (file: string, module: string) => SettingsModel | undefined,
  ): SettingsModel | undefined {
    const built = app.dockerfile?.targetStage?.env.DJANGO_SETTINGS_MODULE;
    const overridden = app.compose?.appService?.environment.some(
      (e) => e.name === 'DJANGO_SETTINGS_MODULE' && e.value !== undefined && e.value !== built,
    );
    const dockerfile = app.dockerfile;
    const plain =
      dockerfile && defaultBuildEnv(dockerfile, this.texts[dockerfile.file] ?? '')?.DJANGO_SETTINGS_MODULE;
    const module = built && overridden ? built : plain !== built ? plain : undefined;
    if (!module || !isModuleName(module) || this.tree.options.settingsModule) return undefined;
    if (runningSettingsOption(app) || startChainSettingsModule(app)) return undefined;
    if (judged.some((s) => s?.module === module)) return undefined;
    const file = moduleFiles(importRoot, module).find(
      (f) => f in this.texts && !judged.some((s) => s?.file === f),
    );
    return file ? model(file, module) : undefined;
  }

  /**
   * When the container runs Django's development server, the settings a WSGI server would run instead: the default
   * of the wsgi module WSGI_APPLICATION names (`settings.wsgi.application` defaulting to `settings.server.prod`), when
   * it is another module than the one runserver loads.
   */
  private servedSettings(
    app: App,
    settings: SettingsModel,
    importRoot: string,
    model: (file: string, module: string) => SettingsModel | undefined,
  ): SettingsModel | undefined {
    if (!effectiveCommand(app).some((c) => !c.background && serverOf(c.argv)?.kind === 'runserver'))
      return undefined;
    const named = settings.assignments.find((a) => a.name === 'WSGI_APPLICATION' && a.live)?.value;
    const application = named?.kind === 'literal' && typeof named.value === 'string' ? named.value : '';
    const wsgi = /^([A-Za-z_][\w.]*)\.\w+$/.exec(application)?.[1];
    const wsgiFile = wsgi && moduleFiles(importRoot, wsgi).find((f) => f in this.texts);
    const module = wsgiFile && this.defaultSettingsModule(wsgiFile, importRoot, choiceEnvironment(app), wsgi);
    if (!module || module === settings.module) return undefined;
    const file = moduleFiles(importRoot, module).find((f) => f in this.texts && f !== settings.file);
    return file ? model(file, module) : undefined;
  }

  /**
   * The settings the management commands run in the app's container (`docker compose exec web python manage.py
   * migrate`): manage.py's default, when the container's environment (the image's ENV, compose's app service) does
   * not set DJANGO_SETTINGS_MODULE and that default is another module than the server's.
   */
  private managedSettings(
    app: App,
    judged: (SettingsModel | undefined)[],
    importRoot: string,
    model: (file: string, module: string) => SettingsModel | undefined,
  ): SettingsModel | undefined {
    if (!app.managePy || this.tree.options.settingsModule || setsSettingsModule(app)) return undefined;
    const module = this.defaultSettingsModule(app.managePy, dirName(app.managePy), choiceEnvironment(app));
    if (!module || judged.some((s) => s?.module === module)) return undefined;
    const file = moduleFiles(importRoot, module).find(
      (f) => f in this.texts && !judged.some((s) => s?.file === f),
    );
    return file ? model(file, module) : undefined;
  }

  /**
   * The settings module: the input, the runtime environment (compose, then ENV), what the start chain exports, the
   * served wsgi module's default, manage.py's default, else a search.
   */
  private settingsFile(app: App, seed: AppSeed): SettingsFile | undefined {
    const base = app.managePy ? dirName(app.managePy) : app.dir;
    const modules: string[] = [];
    if (this.tree.options.settingsModule) modules.push(this.tree.options.settingsModule);
    // `--settings=` on the command the container runs overrides DJANGO_SETTINGS_MODULE wherever that is set.
    const fromOption = runningSettingsOption(app);
    if (fromOption) modules.push(fromOption);
    const fromCompose = app.compose?.appService?.environment.find(
      (e) => e.name === 'DJANGO_SETTINGS_MODULE',
    )?.value;
    const fromEnv = app.dockerfile?.targetStage?.env.DJANGO_SETTINGS_MODULE;
    if (fromEnv && imageOverDevelopmentCompose(app)) modules.push(fromEnv);
    if (fromCompose) modules.push(fromCompose);
    const fromTemplate = this.passedThroughFromTemplate(app);
    if (fromTemplate) modules.push(fromTemplate);
    if (fromEnv) modules.push(fromEnv);
    // A start script's `export DJANGO_SETTINGS_MODULE=…` (or `--settings=`) comes after the app's environment.
    const fromStartChain = startChainSettingsModule(app);
    if (fromStartChain) modules.push(fromStartChain);
    const fromServer = this.serverSettingsModule(app, base) ?? this.shippedServerSettingsModule(app, base);
    if (fromServer) modules.push(fromServer);
    if (app.managePy) {
      // manage.py's default, as the container's environment makes it (`'config.settings.' + ENV`, an if on DEBUG).
      const module = this.defaultSettingsModule(app.managePy, base, choiceEnvironment(app));
      if (module) modules.push(module);
    }
    for (const module of modules) {
      for (const dir of [base, seed.contextDir ?? base, '.']) {
        const file = moduleFiles(dir, module).find((f) => f in this.texts);
        if (file) return this.packageLeaf(file, module) ?? { file, module };
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
    // A base the modules beside it build on (`from .base import *` in dev.py and prod.py) is never run on its own.
    const beside = this.siblingLeaf(found);
    const run = beside.imported.has(stemOf(found)) && beside.leaf ? beside.leaf : found;
    const module = relativeTo(run, base)
      .replace(/\/__init__\.py$|\.py$/, '')
      .replace(/\//g, '.');
    // `ENV DJANGO_SETTINGS_MODULE=server.local_settings`, a git-ignored module: what it sets at run time is not here.
    const told = [fromOption, fromCompose, fromEnv].find((m) => m !== undefined && isModuleName(m));
    return { file: run, module, ...(told ? { inPlaceOf: told } : {}) };
  }

  /**
   * `- DJANGO_SETTINGS_MODULE` passed through bare by compose, its value left to a `.env` the repository does not
   * hold: the module its committed template (`.env.template`, `.env.example` beside the compose file) names, which
   * is what a copy of the template runs.
   */
  private passedThroughFromTemplate(app: App): string | undefined {
    const entry = app.compose?.appService?.environment.find((e) => e.name === 'DJANGO_SETTINGS_MODULE');
    if (!entry || entry.value !== undefined || entry.source !== 'environment') return undefined;
    const dir = dirName(entry.file);
    if (joinPath(dir, '.env') in this.texts) return undefined;
    const templates = Object.keys(this.texts)
      .filter((f) => dirName(f) === dir && isEnvTemplateName(f))
      .sort();
    for (const f of templates) {
      const m = /^[ \t]*(?:export[ \t]+)?DJANGO_SETTINGS_MODULE[ \t]*=[ \t]*['"]?([\w.]+)['"]?[ \t]*$/m.exec(
        this.texts[f],
      );
      if (m) return m[1];
    }
    return undefined;
  }

  /** The default of the wsgi/asgi module the server serves (`gunicorn config.wsgi`), which may differ from manage.py's. */
  private serverSettingsModule(app: App, base: string): string | undefined {
    // compose's command replaces the image's CMD: a gunicorn CMD it overrides with runserver serves nothing.
    const argvs = effectiveCommand(app).map((c) => c.argv);
    for (const argv of argvs) {
      const server = serverOf(argv);
      if (!server || server.kind === 'runserver') continue;
      const chosen = this.wsgiSettingsModule(servedModule(argv), app, base);
      if (chosen) return chosen;
    }
    return undefined;
  }

  /**
   * For an image that starts no server itself, the default of the wsgi/asgi module its server would serve: the one
   * the WSGI servers of the start scripts it ships name (`/start` running `gunicorn config.wsgi`), else, where it
   * ships none, the project's only wsgi.py. Undefined when they name several modules.
   */
  private shippedServerSettingsModule(app: App, base: string): string | undefined {
    if (!namesNoServer(app)) return undefined;
    const shipped = app.shippedServers ?? [];
    const modules = new Set(
      shipped.length > 0
        ? shipped.map((s) => this.wsgiSettingsModule(servedModule(s.argv), app, base))
        : [this.wsgiSettingsModule(onlyWsgiModule(Object.keys(this.texts), base), app, base)],
    );
    return modules.size === 1 ? [...modules][0] : undefined;
  }

  /** The settings module a wsgi/asgi module (`config.wsgi`) defaults DJANGO_SETTINGS_MODULE to, in the container. */
  private wsgiSettingsModule(module: string | undefined, app: App, base: string): string | undefined {
    const file = module && moduleFiles(base, module).find((f) => f in this.texts);
    return file ? this.defaultSettingsModule(file, base, choiceEnvironment(app), module) : undefined;
  }

  /**
   * Where the served wsgi module or manage.py sets the settings' module by default and a variable the deploy may set
   * picks another (`"production" if os.getenv("ENV") == "production" else "dev"`), and nothing else sets
   * DJANGO_SETTINGS_MODULE: DATABASES as that variable's switch over the modules' databases.
   */
  private switchedDatabases(
    app: App,
    settings: SettingsModel,
    importRoot: string,
    model: (file: string, module: string) => SettingsModel | undefined,
  ): DatabasesModel | undefined {
    if (this.tree.options.settingsModule || setsSettingsModule(app) || runningSettingsOption(app))
      return undefined;
    if (startChainSettingsModule(app)) return undefined;
    const served = effectiveCommand(app).find(
      (c) => serverOf(c.argv) && serverOf(c.argv)?.kind !== 'runserver',
    );
    const wsgi = served && servedModule(served.argv);
    const wsgiFile = wsgi && moduleFiles(importRoot, wsgi).find((f) => f in this.texts);
    const imported = (name: string, from: string) => {
      const found = this.importedFile(from, name, importRoot);
      return found === undefined ? undefined : { file: found, text: this.texts[found] };
    };
    for (const file of [wsgiFile, app.managePy]) {
      if (!file || !(file in this.texts)) continue;
      const found = settingsModuleSwitch(this.texts[file], choiceEnvironment(app).variable, {
        file,
        imported,
      });
      if (found?.fallback !== settings.module) continue;
      const alternatives = found.alternatives.flatMap(({ module, value }) => {
        const at = moduleFiles(importRoot, module).find((f) => f in this.texts && f !== settings.file);
        const modelled = at ? model(at, module) : undefined;
        return modelled ? [{ value, settings: modelled }] : [];
      });
      return switchedDatabases(settings, { file, line: found.line, variable: found.variable }, alternatives);
    }
    return undefined;
  }

  /**
   * The settings module a file (manage.py, a wsgi/asgi module named `module`) sets as DJANGO_SETTINGS_MODULE's
   * default; where it sets none, or one with no file, the default a project module it imports sets first (its parent
   * packages' `__init__.py` included): `from settings.environment.settings import load_environment`.
   */
  private defaultSettingsModule(
    file: string,
    base: string,
    choice: Choice,
    module?: string,
    seen = new Set<string>(),
  ): string | undefined {
    seen.add(file);
    const text = this.texts[file] ?? '';
    const imported = (name: string, from: string) => {
      const found = this.importedFile(from, name, base);
      return found === undefined ? undefined : { file: found, text: this.texts[found] };
    };
    const own = chosenSettingsModule(text, choice.variable, { file, imported }, choice.defaults);
    if (own && moduleFiles(base, own).some((f) => f in this.texts)) return own;
    for (const name of [...(module ? parentPackages(module) : []), ...importedModules(text)]) {
      const next = moduleFiles(base, name).find((f) => f in this.texts && !seen.has(f));
      const chosen =
        next && seen.size < 8 ? this.defaultSettingsModule(next, base, choice, name, seen) : undefined;
      if (chosen) return chosen;
    }
    return own;
  }

  /**
   * For a settings package whose `__init__.py` sets nothing (`suppliers.settings` holding base.py and mypackage.py):
   * the module meant to be run, the one no sibling imports (a production-like one first).
   */
  private packageLeaf(file: string, module: string): { file: string; module: string } | undefined {
    if (baseName(file) !== '__init__.py' || !isEmptyModule(this.texts[file] ?? '')) return undefined;
    if (this.importsConfigurationClasses(file)) return undefined;
    const leaf = this.siblingLeaf(file).leaf;
    return leaf ? { file: leaf, module: `${module}.${stemOf(leaf)}` } : undefined;
  }

  /**
   * A package `__init__.py` that imports django-configurations classes from its modules (`from .prod import Prod`,
   * one of them importing `configurations`): the module Django loads, DJANGO_CONFIGURATION picking the class.
   */
  private importsConfigurationClasses(file: string): boolean {
    const classes = /^\s*from\s+\.\w*\s+import\s+\(?\s*[A-Z]\w*[a-z]/m.test(this.texts[file] ?? '');
    const dir = dirName(file);
    return (
      classes &&
      Object.keys(this.texts).some(
        (f) => dirName(f) === dir && /^\s*(from|import)\s+configurations\b/m.test(this.texts[f]),
      )
    );
  }

  /**
   * The .py files beside `file` (itself left out): the stems they import from, and the settings module none of them
   * imports (a production-like one first).
   */
  private siblingLeaf(file: string): { leaf?: string; imported: Set<string> } {
    const dir = dirName(file);
    // A template to copy (`local_example.py`, copied to the git-ignored local.py) is not a module Django runs.
    const siblings = Object.keys(this.texts).filter(
      (f) => dirName(f) === dir && f.endsWith('.py') && f !== file && !isTemplateModule(f),
    );
    const imported = new Set(
      siblings.flatMap((f) =>
        [...this.texts[f].matchAll(/^[ \t]*from\s+(?:\.|[\w.]*\.)(\w+)\s+import\b/gm)].map((m) => m[1]),
      ),
    );
    const leaf = siblings
      .filter(
        (f) => !imported.has(stemOf(f)) && /\b(INSTALLED_APPS|DATABASES)\b|import\s+\*/.test(this.texts[f]),
      )
      .sort((a, b) => settingsRank(a) - settingsRank(b) || a.localeCompare(b))[0];
    return { ...(leaf ? { leaf } : {}), imported };
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

  /** The files django-split-settings' `include(pattern)` in `file` runs: relative to its directory, globs sorted. */
  private includedFiles(file: string, pattern: string): { file: string; text: string }[] {
    const path = joinPath(dirName(file), pattern.replace(/^\.\//, ''));
    if (!/[*?[]/.test(path)) return path in this.texts ? [{ file: path, text: this.texts[path] }] : [];
    const source = path
      .split('/')
      .map((part) =>
        part
          .replace(/[.+^${}()|\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]'),
      )
      .join('/');
    const matcher = new RegExp(`^${source}$`);
    return Object.keys(this.texts)
      .filter((f) => matcher.test(f))
      .sort()
      .map((f) => ({ file: f, text: this.texts[f] }));
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
    const found = moduleFiles(dir, rest).find((f) => f in this.texts && f !== file);
    if (found !== undefined || dots > 0) return found;
    // Python 2's implicit relative import: `from settings_production import *` beside the importing module.
    return moduleFiles(dirName(file), rest).find((f) => f in this.texts && f !== file);
  }
}

/** The django-configurations class manage.py selects by default: `os.environ.setdefault('DJANGO_CONFIGURATION', 'Dev')`. */
function configurationDefault(text: string | undefined): { configuration?: string } {
  const m = text && /setdefault\(\s*['"]DJANGO_CONFIGURATION['"]\s*,\s*['"](\w+)['"]\s*\)/.exec(text);
  return m ? { configuration: m[1] } : {};
}

/** `a.b.c` -> `a`, `a.b`: the packages Python imports, and runs, before the module. */
function parentPackages(module: string): string[] {
  const parts = module.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The absolute modules a file imports (`import a.b`, `from a.b import c`), in order. */
function importedModules(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*))/gm,
  ))
    out.push(m[1] ?? m[2]);
  return out;
}

/** The directory a dotted module is imported from (`webserver` for webserver/webserver/settings/local.py). */
function moduleRoot(file: string, module: string): string | undefined {
  const path = file.replace(/\/__init__\.py$|\.py$/, '');
  const tail = module.replaceAll('.', '/');
  if (path === tail) return '.';
  return path.endsWith(`/${tail}`) ? path.slice(0, -tail.length - 1) : undefined;
}
