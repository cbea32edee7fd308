import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  reportDirectory
} from "./chunk-X7BNBXBZ.js";
import {
  INFORMED_FIXERS,
  includedFile,
  informedFixersOf,
  parseRequirements
} from "./chunk-NZFLDBKM.js";
import {
  makeReport
} from "./chunk-AICZXJ5A.js";
import {
  MAX_FILE_BYTES,
  OptionError,
  Redactor,
  decodeText,
  discover,
  encodeText,
  encodingOf,
  require_node_os
} from "./chunk-5ZPO3MIC.js";
import {
  DEFAULT_CONFIG_FILE,
  ImageLayout,
  RULES,
  baseName,
  compareText,
  dirName,
  djangoCommand,
  entryOf,
  findRule,
  inlineScript,
  isComposeOverride,
  isCoreFile,
  isDockerfile,
  isDockerignore,
  isEnvTemplateName,
  isKnownRule,
  isRequirementsFile,
  isScript,
  isSettingsCandidate,
  isUnder,
  isUrl,
  joinPath,
  looksLikeCompose,
  makeInvocation,
  makeTargetScript,
  modelCompose,
  modelDockerfile,
  modelSettings,
  moduleFiles,
  normalizeRelative,
  parseComposeYaml,
  parseDockerignore,
  parseDotenv,
  parseShell,
  programArgv,
  pythonFileCredentials,
  relativeTo,
  require_dist,
  secretsInEnvTemplate,
  sentFiles,
  serverOf,
  supervisorPrograms,
  supervisordRun
} from "./chunk-FFROKUFI.js";
import {
  SEVERITIES,
  UnsafePathError,
  readInsideSync,
  readRegularFileSync,
  require_node_fs,
  require_node_path,
  stamp,
  writeOwnFile
} from "./chunk-36R665EV.js";
import {
  __toESM
} from "./chunk-TEVZZSVY.js";

// src/options.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var import_yaml = __toESM(require_dist(), 1);
var FAIL_ON_VALUES = ["error", "warning", "notice", "never"];
var FORMATS = ["text", "json", "markdown", "sarif", "github"];
function oneOf(value, source, accepted) {
  if (accepted.includes(value)) return value;
  throw new OptionError(`Invalid ${source} '${value}'. Expected one of ${accepted.join(", ")}.`);
}
function parseFailOn(value, source = "fail-on") {
  return oneOf(value.trim(), source, FAIL_ON_VALUES);
}
function parseFormat(value, source = "--format") {
  return oneOf(value.trim(), source, FORMATS);
}
function parseBoolean(value, source, fallback) {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new OptionError(`Invalid ${source} '${value}'. Expected one of true, false.`);
}
function parsePort(value, source) {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 65535)
    throw new OptionError(`Invalid ${source} '${value}'. Expected a port number from 1 to 65535.`);
  return n;
}
function parseSettingsModule(value, source = "settings-module") {
  const v = value.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(v)) {
    throw new OptionError(
      `Invalid ${source} '${value}'. Expected a dotted Python module name such as mysite.settings.`
    );
  }
  return v;
}
function parseKeyValue(value, source) {
  const eq = value.indexOf("=");
  const key = eq > 0 ? value.slice(0, eq).trim() : "";
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(key)) {
    throw new OptionError(`Invalid ${source} '${value.slice(0, 40)}'. Expected KEY=VALUE.`);
  }
  return [key, value.slice(eq + 1)];
}
function parseSmokeEnv(entries, source) {
  const env = { all: {}, sqlite: {}, postgres: {} };
  for (const entry of entries) {
    const [key, value] = parseKeyValue(entry, source);
    const m = /^(sqlite|postgres)\.(.+)$/.exec(key);
    if (m) env[m[1]][m[2]] = value;
    else if (key.includes(".")) {
      throw new OptionError(`Invalid ${source} key '${key}'. Expected NAME, sqlite.NAME or postgres.NAME.`);
    } else env.all[key] = value;
  }
  return env;
}
function smokeEnvByEngine(env) {
  return { sqlite: { ...env.all, ...env.sqlite }, postgres: { ...env.all, ...env.postgres } };
}
var DEFAULT_CONFIG_FILE2 = ".github/twelve-factor.yml";
var MAX_CONFIG_BYTES = 256 * 1024;
async function loadConfig(root, file, within = root) {
  const explicit = file !== void 0 && file !== "";
  const name = explicit ? file : DEFAULT_CONFIG_FILE2;
  const path = (0, import_node_path.resolve)(root, name);
  if (!explicit && isAbsent(path)) return { rules: {}, exclude: [], allowSuppressions: true };
  let text;
  try {
    const bytes = within === null ? readRegularFileSync(path, MAX_CONFIG_BYTES, name) : readInsideSync(within, path, { maxBytes: MAX_CONFIG_BYTES, what: "the workspace" });
    text = bytes.toString("utf8");
  } catch (error) {
    const reason = error instanceof UnsafePathError ? error.reason : error.message;
    if (!explicit && reason === "it does not exist")
      return { rules: {}, exclude: [], allowSuppressions: true };
    throw new OptionError(`Cannot read config file '${name}': ${reason}.`);
  }
  return { ...parseConfig(text, name), file: (0, import_node_path.relative)((0, import_node_path.resolve)(root), path).split(import_node_path.sep).join("/") };
}
function isAbsent(path) {
  try {
    return (0, import_node_fs.lstatSync)(path, { throwIfNoEntry: false }) === void 0;
  } catch {
    return false;
  }
}
function scannedDirectory(base, directory, source, workspace) {
  const quoted = `${source} '${directory}'`;
  let real;
  try {
    real = import_node_fs.realpathSync.native((0, import_node_path.resolve)(base, directory));
  } catch {
    throw new OptionError(`${quoted} does not exist. Expected the directory of the app to review.`);
  }
  if (workspace !== void 0) {
    const rel = (0, import_node_path.relative)((0, import_node_fs.realpathSync)(workspace), real);
    if (rel === ".." || rel.startsWith(`..${import_node_path.sep}`) || (0, import_node_path.isAbsolute)(rel))
      throw new OptionError(
        `${quoted} leads outside the workspace (a symbolic link). Expected a directory inside the workspace.`
      );
  }
  if (!(0, import_node_fs.statSync)(real).isDirectory())
    throw new OptionError(`${quoted} is not a directory. Expected the directory of the app to review.`);
  return real;
}
function parseConfig(text, name) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new OptionError(`Invalid config file '${name}': ${error.message.split("\n")[0]}`);
  }
  const fail = (what) => {
    throw new OptionError(`Invalid config file '${name}': ${what}`);
  };
  const config = { rules: {}, exclude: [], allowSuppressions: true };
  if (doc === null || doc === void 0) return config;
  if (typeof doc !== "object" || Array.isArray(doc))
    return fail("expected a mapping with rules, exclude, allow-suppressions.");
  for (const [key, value] of Object.entries(doc)) {
    if (key === "rules") {
      if (value === null) continue;
      if (typeof value !== "object" || Array.isArray(value))
        return fail("rules must be a mapping of rule id or name to off, error, warning or notice.");
      for (const [ruleKey, setting] of Object.entries(value)) {
        const rule = findRule(ruleKey);
        if (!rule)
          fail(`rules: unknown rule '${ruleKey}'. Expected a rule id (TF0301) or name (secret-key-in-code).`);
        const s = setting === false ? "off" : String(setting);
        if (s !== "off" && !SEVERITIES.includes(s)) {
          fail(`rules.${ruleKey}: invalid value '${s}'. Expected one of off, ${SEVERITIES.join(", ")}.`);
        }
        config.rules[rule.id] = s;
      }
    } else if (key === "exclude") {
      if (value === null) continue;
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
        return fail("exclude must be a list of path globs.");
      config.exclude = value;
    } else if (key === "allow-suppressions") {
      if (typeof value !== "boolean")
        return fail(`allow-suppressions must be true or false, not '${String(value)}'.`);
      config.allowSuppressions = value;
    } else {
      fail(`unknown key '${key}'. Expected rules, exclude, allow-suppressions.`);
    }
  }
  return config;
}

// src/model/index.ts
var import_node_path4 = __toESM(require_node_path(), 1);

// src/parse/suppressions.ts
var MARKER = /#\s*twelve-factor\s*:(.*)$/i;
function dockerfileShellLines(lines) {
  const out = /* @__PURE__ */ new Set();
  let continuing = false;
  let shell = false;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!continuing) {
      if (trimmed === "" || trimmed.startsWith("#")) return;
      shell = /^(RUN|CMD|ENTRYPOINT)\s+(?!\[)/i.test(trimmed) && !/^RUN\s+(--\S+\s+)*\[/i.test(trimmed);
    }
    if (shell) out.add(i);
    if (trimmed.startsWith("#") && continuing) return;
    continuing = /\\$/.test(line.replace(/\s+#.*$/, "")) || continuing && trimmed === "";
  });
  return out;
}
function parseSuppressions(file, text, isKnown, syntax = "trailing") {
  const suppressions = [];
  const problems = [];
  const lines = text.split(/\r\n|\r|\n/);
  const shellLines = syntax === "dockerfile" ? dockerfileShellLines(lines) : void 0;
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return;
    const lineNo = i + 1;
    const commentStart = m.index;
    const ownLine = line.slice(0, commentStart).trim() === "";
    if (!ownLine && (syntax === "line-start" || syntax === "dockerfile" && !shellLines.has(i))) {
      problems.push({
        file,
        line: lineNo,
        message: syntax === "dockerfile" ? "In a Dockerfile '#' starts a comment only at the beginning of a line, so this text is part of the instruction. Put the suppression on its own line above it." : "In this file '#' starts a comment only at the beginning of a line. Put the suppression on its own line above the one it applies to."
      });
      return;
    }
    const body = m[1].trim();
    const directive = /^(ignore|ignore-file)\s*=\s*([^\s].*?)?\s*(?:--\s*(.*))?$/i.exec(body);
    if (!directive || !directive[2]) {
      problems.push({
        file,
        line: lineNo,
        message: `Malformed suppression '${body.slice(0, 80)}': write '# twelve-factor: ignore=TF0301 -- reason' or '# twelve-factor: ignore-file=TF0301'.`
      });
      return;
    }
    const rules = directive[2].split(/[\s,]+/).map((r) => r.trim()).filter((r) => r !== "");
    const unknown = rules.filter((r) => !isKnown(r));
    for (const r of unknown) {
      problems.push({
        file,
        line: lineNo,
        message: `Suppression names unknown rule '${r.slice(0, 40)}': use a rule id (TF0301) or name (secret-key-in-code) from the catalog.`
      });
    }
    const known = rules.filter((r) => isKnown(r));
    if (known.length === 0) return;
    const reason = directive[3]?.trim() || void 0;
    let appliesTo;
    if (directive[1].toLowerCase() === "ignore-file") appliesTo = "file";
    else if (!ownLine) appliesTo = lineNo;
    else {
      let next = i + 1;
      while (next < lines.length && (lines[next].trim() === "" || lines[next].trim().startsWith("#"))) next++;
      if (next >= lines.length) {
        problems.push({
          file,
          line: lineNo,
          message: "Suppression comment is followed by no line to apply to."
        });
        return;
      }
      appliesTo = next + 1;
    }
    suppressions.push({ file, line: lineNo, appliesTo, rules: known, ...reason ? { reason } : {} });
  });
  return { suppressions, problems };
}

// src/util/glob.ts
function matchesGlob(glob, path) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}(/.*)?$`).test(path);
}

// src/model/image-app.ts
var NOT_AN_APP = /^(nginx|traefik|caddy|httpd|haproxy|envoy|adminer|pgadmin4?|phpmyadmin|mailhog|mailpit|rabbitmq|memcached|elasticsearch|opensearch|minio|certbot|portainer|flower|selenium|localstack|mongo|kibana|grafana|prometheus|node|mysql|mariadb|postgres(ql)?|postgis|redis)$/i;
function isBackingImage(repository) {
  const last = repository.split("/").pop() ?? "";
  return NOT_AN_APP.test(last) || last.split(/[-_.]/).some((word) => NOT_AN_APP.test(word));
}
function sameWritten(a, b) {
  const norm = (s) => s.trim().replace(/\$\{(\w+)\}/g, "$$$1");
  return norm(a) === norm(b);
}
function imagesBuilt(models, scripts, exists) {
  const out = [];
  for (const model of models) {
    for (const s of model.services) {
      if (!s.build || !s.image) continue;
      const dockerfile = normalizeRelative(s.build.dockerfile);
      const contextDir = normalizeRelative(s.build.context);
      if (dockerfile && contextDir) out.push({ repository: s.image.repository, dockerfile, contextDir });
    }
  }
  for (const { file, text } of scripts) {
    for (const command of parseShell(text).commands) {
      const build = dockerBuild(command.argv);
      if (!build) continue;
      for (const base of [".", dirName(file)]) {
        const contextDir = normalizeRelative(joinPath(base, build.context));
        if (!contextDir) continue;
        const dockerfile = normalizeRelative(
          build.file ? joinPath(base, build.file) : joinPath(contextDir, "Dockerfile")
        );
        if (!dockerfile || !exists(dockerfile)) continue;
        for (const tag of build.tags)
          out.push({
            repository: repositoryOf(tag),
            ...tag.includes("$") ? { written: tag } : {},
            dockerfile,
            contextDir
          });
        break;
      }
    }
  }
  return out;
}
var BUILD_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "-t",
  "--tag",
  "-f",
  "--file",
  "--build-arg",
  "--target",
  "--platform",
  "--network",
  "--label",
  "--cache-from",
  "--cache-to",
  "--secret",
  "--ssh",
  "--progress",
  "-o",
  "--output",
  "--iidfile",
  "--add-host",
  "--build-context"
]);
function dockerBuild(argv) {
  if (baseName(argv[0] ?? "") !== "docker") return void 0;
  let k = 1;
  if (argv[k] === "buildx" || argv[k] === "image") k++;
  if (argv[k] !== "build") return void 0;
  const tags = [];
  let file;
  const positional = [];
  for (let i = k + 1; i < argv.length; i++) {
    const w = argv[i];
    const eq = /^(--?[\w-]+)=(.*)$/.exec(w);
    const [name, value] = eq ? [eq[1], eq[2]] : BUILD_VALUE_OPTIONS.has(w) ? [w, argv[++i]] : [w, void 0];
    if (value === void 0 && name.startsWith("-")) continue;
    if (name === "-t" || name === "--tag") tags.push(value);
    else if (name === "-f" || name === "--file") file = value;
    else if (!name.startsWith("-")) positional.push(name);
  }
  const context = positional.at(-1);
  const usable = (s) => s !== void 0 && !s.includes("$") && s !== "-";
  if (!usable(context) || file !== void 0 && !usable(file)) return void 0;
  const named = tags.filter((t) => t !== void 0 && !/^\$\{?\w+\}?$/.test(t));
  return named.length === 0 ? void 0 : { tags: named, ...file ? { file } : {}, context };
}
function repositoryOf(image) {
  const name = image.split("@")[0];
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  return colon > slash ? name.slice(0, colon) : name;
}
function builtImageOf(service, built) {
  const image = service.image;
  if (!image) return void 0;
  if (image.interpolated)
    return built.find((b) => b.written !== void 0 && sameWritten(b.written, image.raw ?? image.value));
  return built.find((b) => b.written === void 0 && b.repository === image.repository);
}
function namedDockerfileOf(service, pythonDockerfiles) {
  const words = /* @__PURE__ */ new Set([
    service.name.toLowerCase(),
    ...(service.image?.repository.split("/").pop() ?? "").toLowerCase().split(/[-_.]/)
  ]);
  const matches = pythonDockerfiles.filter((d) => words.has(baseName(dirName(d)).toLowerCase()));
  if (matches.length !== 1) return void 0;
  return {
    repository: service.image?.repository ?? service.name,
    dockerfile: matches[0],
    contextDir: dirName(matches[0])
  };
}
function imageOnlyApp(model, built, managePys, pythonDockerfiles = []) {
  const candidates = model.services.filter((s) => s.role === "other" && !s.build);
  for (const service of candidates) {
    const match = builtImageOf(service, built);
    if (match) return { service, built: match };
  }
  const mounting = candidates.filter(
    (s) => s.volumes.some(
      (v) => v.type === "bind" && v.source !== void 0 && managePys.some((m) => dirName(m) === v.source || v.source !== "." && isUnder(m, v.source))
    )
  );
  if (mounting.length === 1) return { service: mounting[0] };
  const apps = candidates.filter((s) => !s.image || !isBackingImage(s.image.repository));
  const named = apps.flatMap((service) => {
    const found = namedDockerfileOf(service, pythonDockerfiles);
    return found ? [{ service, built: found }] : [];
  });
  if (named.length === 1) return named[0];
  if (managePys.length !== 1) return void 0;
  return apps.length === 1 ? { service: apps[0] } : void 0;
}

// src/model/input.ts
var ModelPart = class {
  constructor(input) {
    this.input = input;
    this.tree = input.tree;
    this.files = input.tree.files;
    this.texts = input.tree.texts;
  }
  input;
  tree;
  files;
  texts;
  addErrors(errors) {
    this.input.addErrors(errors);
  }
};
function byDepth(a, b) {
  return a.split("/").length - b.split("/").length || compareText(a, b);
}

// src/model/own-context.ts
var import_node_path2 = __toESM(require_node_path(), 1);
function namedContextPaths(text) {
  const out = /* @__PURE__ */ new Set();
  const lines = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  for (const line of lines) {
    const m = /^\s*(COPY|ADD|RUN|CMD|ENTRYPOINT)\s+(.*)$/i.exec(line);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const words = wordsOf(m[2]);
    if (keyword === "COPY" || keyword === "ADD") {
      if (words.some((w) => w.startsWith("--from"))) continue;
      for (const w of words.filter((x) => !x.startsWith("--")).slice(0, -1)) out.add(w);
    } else if (keyword === "RUN") {
      for (let i = 0; i < words.length - 1; i++)
        if (words[i] === "-r" || words[i] === "--requirement") out.add(words[i + 1]);
    } else for (const w of words) if (/^[\w.-]+(\/[\w.-]+)*\.(py|sh)$/.test(w) && w.includes("/")) out.add(w);
  }
  return [...out].map((p) => import_node_path2.posix.normalize(p).replace(/^\.\//, "").replace(/\/$/, "")).filter((p) => p !== "." && p !== "" && !p.startsWith("/") && !p.startsWith("..") && !/[*?$[]/.test(p));
}
function wordsOf(args) {
  const trimmed = args.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((w) => typeof w === "string");
    } catch {
    }
  }
  return trimmed.split(/\s+/).map((w) => w.replace(/^['"]|['"]$/g, "")).filter(Boolean);
}
function contextIsOwnDirectory(text, dir, ancestor, exists) {
  const at = (base, p) => exists(base === "." ? p : import_node_path2.posix.join(base, p));
  let own = false;
  for (const p of namedContextPaths(text)) {
    const inOwn = at(dir, p);
    const inAncestor = at(ancestor, p);
    if (inAncestor && !inOwn) return false;
    if (inOwn && !inAncestor) own = true;
  }
  return own;
}

// src/model/app-seeds.ts
var AppSeeds = class extends ModelPart {
  skipped = [];
  /** Why `path` cannot be used when it is, or goes through, a symbolic link leading outside or nowhere. */
  linkOnPath(path) {
    for (const link of this.tree.links ?? [])
      if (isUnder(path, link.path)) return `${path === link.path ? "it" : link.path} is ${link.reason}`;
    return void 0;
  }
  /** Decides which apps the repository holds: compose-built images first, then Dockerfiles, then bare Django projects. */
  find(composeSets) {
    const managePys = Object.keys(this.texts).filter((f) => baseName(f) === "manage.py").sort(byDepth);
    const seeds = [];
    const claimed = /* @__PURE__ */ new Set();
    seeds.push(...this.composeBuilds(composeSets, managePys, claimed));
    seeds.push(...this.composeImages(composeSets, managePys, claimed));
    const given = this.tree.options.dockerfile ? normalizeRelative(this.tree.options.dockerfile) : void 0;
    const builtByName = new Set(this.imagesBuilt(composeSets).map((b) => b.dockerfile));
    seeds.push(...this.dockerfiles(given, managePys, claimed, builtByName));
    seeds.push(...this.bareProjects(seeds, managePys));
    if (given) seeds.sort((a, b) => Number(b.dockerfile === given) - Number(a.dockerfile === given));
    this.attachImageOnly(seeds, composeSets);
    const attached = new Set(seeds.map((s) => s.compose));
    for (const set of composeSets)
      if (set.model && !set.model.appService && !attached.has(set)) seeds.push({ compose: set });
    return seeds;
  }
  /**
   * Attaches compose projects that run the app from an image (no build) to the app of their directory, else to the
   * one app below their directory (a root compose file running the image of backend/).
   */
  attachImageOnly(seeds, composeSets) {
    const dirsOf = (seed) => [
      seed.managePy ? dirName(seed.managePy) : void 0,
      seed.dockerfile ? dirName(seed.dockerfile) : void 0,
      seed.contextDir
    ].filter((d) => d !== void 0);
    for (const seed of seeds) {
      if (seed.compose) continue;
      const dirs = dirsOf(seed);
      seed.compose = composeSets.find((s) => s.model && !s.model.appService?.build && dirs.includes(s.dir));
    }
    const attached = new Set(seeds.map((s) => s.compose));
    for (const set of composeSets) {
      if (!set.model?.appService || set.model.appService.build || attached.has(set)) continue;
      const below = seeds.filter((seed) => seed.dockerfile && dirsOf(seed).some((d) => isUnder(d, set.dir)));
      if (below.length !== 1) continue;
      if (below[0].compose) seeds.push({ ...below[0], compose: set });
      else below[0].compose = set;
    }
  }
  /** Apps whose image a compose app service builds. */
  composeBuilds(composeSets, managePys, claimed) {
    const seeds = [];
    const seen = /* @__PURE__ */ new Set();
    for (const set of composeSets) {
      for (const s of set.model?.services ?? []) {
        const other = s.notApp === "worker" ? set.model?.appService : s.notApp;
        const dockerfile = other && s.build ? normalizeRelative(s.build.dockerfile) : void 0;
        if (dockerfile) claimed.add(dockerfile);
      }
    }
    for (const set of composeSets) {
      const build = set.model?.appService?.build;
      if (!build) continue;
      if (isUrl(build.context)) {
        seeds.push({
          compose: set,
          remoteContext: { url: build.context, file: build.file, line: build.line },
          managePy: managePys.find((m) => isUnder(m, set.dir))
        });
        continue;
      }
      const dockerfile = normalizeRelative(build.dockerfile);
      const contextDir = normalizeRelative(build.context);
      if (dockerfile === void 0 || contextDir === void 0) {
        seeds.push({ compose: set, managePy: managePys.find((m) => isUnder(m, set.dir)) });
        continue;
      }
      const link = (contextDir !== "." ? this.linkOnPath(contextDir) : void 0) ?? this.linkOnPath(dockerfile);
      if (link) {
        const what = this.linkOnPath(contextDir) ? `build context ${contextDir}` : `Dockerfile ${dockerfile}`;
        this.addErrors([
          {
            file: build.file,
            line: build.line,
            message: `The ${what} of the compose service cannot be used: ${link}. The image is not built from it.`
          }
        ]);
        claimed.add(dockerfile);
        seeds.push({ compose: set, managePy: managePys.find((m) => isUnder(m, set.dir)) });
        continue;
      }
      const key = `${dockerfile}\0${contextDir}\0${build.target ?? ""}\0${set.files.join("\0")}`;
      claimed.add(dockerfile);
      if (seen.has(key)) continue;
      seen.add(key);
      seeds.push({
        dockerfile,
        contextDir,
        target: build.target,
        args: build.args,
        compose: set,
        managePy: managePys.find((m) => isUnder(m, contextDir)) ?? mountedProject(set, managePys)
      });
    }
    return seeds;
  }
  /**
   * A compose app service that only names an image (`image: registry/mysite:1.4`) runs the image built under that
   * name elsewhere (a compose `build` with `image:`, `docker build -t`), else the one the Dockerfile beside the
   * compose file, or beside the only Django project, builds.
   */
  composeImages(composeSets, managePys, claimed) {
    const seeds = [];
    const built = this.imagesBuilt(composeSets);
    for (const set of composeSets) {
      if (!set.model) continue;
      let image;
      const pythonDockerfiles = this.preferredDockerfiles().filter((d) => this.looksLikePythonImage(d));
      if (!set.model.appService) {
        const found = imageOnlyApp(set.model, built, managePys, pythonDockerfiles);
        if (!found) continue;
        found.service.role = "app";
        set.model.appService = found.service;
        image = found.built;
      }
      const service = set.model.appService;
      if (service.build) continue;
      image ??= builtImageOf(service, built) ?? namedDockerfileOf(service, pythonDockerfiles);
      const projectDirs = managePys.length === 1 ? [set.dir, dirName(managePys[0])] : [set.dir];
      const dockerfile = image?.dockerfile ?? projectDirs.map(
        (dir) => this.preferredDockerfiles().find((d) => dirName(d) === dir && this.looksLikePythonImage(d))
      ).find((d) => d !== void 0);
      if (!dockerfile) continue;
      const contextDir = image?.contextDir ?? dirName(dockerfile);
      claimed.add(dockerfile);
      seeds.push({
        dockerfile,
        contextDir,
        compose: set,
        managePy: managePys.find((m) => isUnder(m, contextDir)) ?? managePys.find((m) => isUnder(m, set.dir))
      });
    }
    return seeds;
  }
  /** Apps of the Dockerfiles no compose project builds (or of the one named in the inputs). */
  dockerfiles(given, managePys, claimed, builtByName) {
    const seeds = [];
    const candidates = given ? [given] : [...this.preferredDockerfiles(), ...this.productionVariants(claimed)].filter((d) => !claimed.has(d));
    for (const dockerfile of candidates) {
      if (claimed.has(dockerfile)) continue;
      const dir = dirName(dockerfile);
      let managePy = managePys.find((m) => isUnder(m, dir));
      let contextDir = dir;
      if (!managePy) {
        const ancestor = [...managePys].reverse().find((m) => isUnder(dir, dirName(m)));
        const text = this.texts[dockerfile];
        if (ancestor && !given && text !== void 0 && contextIsOwnDirectory(text, dir, dirName(ancestor), (p) => this.exists(p))) {
          this.skipped.push({
            dockerfile,
            reason: `its build context is ${dir}/, which holds no Django project`
          });
          continue;
        }
        if (ancestor && this.looksLikePythonImage(dockerfile)) {
          managePy = ancestor;
          contextDir = dirName(ancestor);
        } else if (managePys.length === 1 && builtByName.has(dockerfile) && this.runsPython(dockerfile)) {
          managePy = managePys[0];
        } else if (managePys.length > 0 && !given)
          continue;
        else if (!given && !this.looksLikePythonImage(dockerfile) && candidates.length > 1) continue;
      }
      seeds.push({ dockerfile, contextDir, managePy });
      claimed.add(dockerfile);
    }
    return seeds;
  }
  /** Django projects no image ships: an app of their own when nothing here builds an image, else skipped. */
  bareProjects(found, managePys) {
    const seeds = [];
    const paired = new Set(found.map((s) => s.managePy).filter(Boolean));
    const shipped = found.filter((s) => s.dockerfile && s.managePy);
    for (const managePy of managePys) {
      if (paired.has(managePy)) continue;
      const holder = shipped.find((s) => s.contextDir !== void 0 && isUnder(managePy, s.contextDir));
      const reason = holder ? `inside the build context of ${holder.dockerfile}, whose app is ${holder.managePy}` : shipped.length > 0 ? "no Dockerfile or compose service analysed here builds it" : void 0;
      if (reason) this.skipped.push({ managePy, reason });
      else seeds.push({ managePy });
    }
    return seeds;
  }
  /** Image names the repository builds: tagged compose builds, and `docker build -t` in scripts and Makefiles. */
  imagesBuilt(composeSets) {
    const scripts = Object.keys(this.texts).filter((f) => isScript(f) || baseName(f) === "Makefile").map((file) => ({ file, text: this.texts[file] }));
    const files = new Set(this.files);
    const models = composeSets.flatMap((s) => s.model ? [s.model] : []);
    return imagesBuilt(models, scripts, (f) => files.has(f));
  }
  /** Per directory, `Dockerfile` wins over variants (`Dockerfile.dev`); else a production-looking variant. */
  preferredDockerfiles() {
    const byDir = /* @__PURE__ */ new Map();
    for (const f of this.files.filter(isDockerfile)) {
      if (!(f in this.texts) && !this.tree.unreadable.some((u) => u.file === f)) continue;
      const d = dirName(f);
      byDir.set(d, [...byDir.get(d) ?? [], f]);
    }
    const out = [];
    for (const files of byDir.values()) {
      const plain = files.find((f) => baseName(f) === "Dockerfile" || baseName(f) === "dockerfile");
      const prod = files.find((f) => /prod/i.test(baseName(f)));
      const dev = (f) => /(dev|test|local|ci)/i.test(baseName(f));
      out.push(plain ?? prod ?? files.find((f) => !dev(f)) ?? files[0]);
    }
    return out.sort(byDepth);
  }
  /** A file, or a directory holding files, of the scanned tree. */
  exists(path) {
    return this.files.some((f) => f === path || f.startsWith(`${path}/`));
  }
  /**
   * Production variants (`production.Dockerfile`, `Dockerfile.prod`) no compose file builds, in a directory whose
   * preferred Dockerfile compose builds (a development runner): the image that ships, built by CI.
   */
  productionVariants(claimed) {
    const builtDirs = new Set([...claimed].map(dirName));
    return this.files.filter(
      (f) => isDockerfile(f) && (f in this.texts || this.tree.unreadable.some((u) => u.file === f)) && /prod/i.test(baseName(f)) && !claimed.has(f) && builtDirs.has(dirName(f))
    ).sort(byDepth);
  }
  /** Stricter than looksLikePythonImage: Python outside comments, and a final stage not FROM a proxy or Node image. */
  runsPython(dockerfile) {
    const code = (this.texts[dockerfile] ?? "").replace(/^\s*#.*$/gm, "");
    const lastFrom = [...code.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)].at(-1)?.[1];
    if (!lastFrom || isBackingImage(repositoryOf(lastFrom))) return false;
    return /\b(python[\d.]*|pip3?|gunicorn|uwsgi|uvicorn|daphne|manage\.py|django)\b/i.test(code);
  }
  looksLikePythonImage(dockerfile) {
    const text = this.texts[dockerfile];
    return text !== void 0 && /\b(python|pip3?|gunicorn|uwsgi|uvicorn|daphne|manage\.py|django)\b/i.test(text);
  }
};
function mountedProject(set, managePys) {
  const binds = (set.model?.appService?.volumes ?? []).filter(
    (v) => v.type === "bind" && v.source && !v.source.startsWith("/") && !v.source.startsWith("~")
  );
  return managePys.find((m) => binds.some((v) => isUnder(dirName(m), normalizeRelative(v.source) ?? "..")));
}

// src/model/compose-projects.ts
var COMPOSE_BASES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
var COMPOSE_OVERRIDES = [
  "compose.override.yaml",
  "compose.override.yml",
  "docker-compose.override.yaml",
  "docker-compose.override.yml"
];
var ComposeProjects = class extends ModelPart {
  /** One compose project per directory holding compose files (or the files named in the inputs). */
  find() {
    const given = this.tree.options.composeFiles?.map((f) => normalizeRelative(f) ?? f);
    const sets = [];
    if (given && given.length > 0) {
      sets.push({ dir: dirName(given[0]), files: given.filter((f) => f in this.texts) });
    } else {
      const byDir = /* @__PURE__ */ new Map();
      for (const f of Object.keys(this.texts).filter((f2) => looksLikeCompose(f2, this.texts[f2])).sort()) {
        const d = dirName(f);
        byDir.set(d, [...byDir.get(d) ?? [], f]);
      }
      for (const [dir, files] of byDir) {
        const names = files.map(baseName);
        let base = COMPOSE_BASES.find((b) => names.includes(b));
        base ??= names.find((n) => !isComposeOverride(baseName(n)));
        const override = COMPOSE_OVERRIDES.find((o) => names.includes(o));
        const chosen = [base, override].filter((n) => n !== void 0).map((n) => joinPath(dir, n));
        if (chosen.length > 0) sets.push({ dir, files: chosen });
        for (const name of names) {
          if (name === base || isComposeOverride(name) || COMPOSE_BASES.includes(name)) continue;
          const file = joinPath(dir, name);
          const baseFile = base === void 0 ? void 0 : joinPath(dir, base);
          const standalone = /^\s+(build|image)\s*:/m.test(this.texts[file] ?? "");
          const layered = baseFile !== void 0 && (!standalone || overridesBase(file, this.texts[file] ?? "", baseFile, this.texts[baseFile] ?? ""));
          const files2 = layered ? [baseFile, file] : [file];
          sets.push({ dir, files: files2 });
        }
      }
    }
    for (const set of sets) {
      if (set.files.length === 0) continue;
      const envText = this.texts[joinPath(set.dir, ".env")];
      const env = envText === void 0 ? {} : parseDotenv(envText);
      const r = modelCompose(
        set.files.map((file) => ({ file, text: this.texts[file] })),
        env,
        { texts: this.texts }
      );
      this.addErrors(r.errors);
      set.model = r.model;
    }
    return sets;
  }
};
function overridesBase(file, text, baseFile, baseText) {
  const services = entryOf(parseComposeYaml(file, text).root, "services")?.value;
  const baseServices = entryOf(parseComposeYaml(baseFile, baseText).root, "services")?.value;
  if (services?.kind !== "map" || baseServices?.kind !== "map") return false;
  const own = new Set(services.entries.map((e) => e.key));
  const inBase = new Set(baseServices.entries.map((e) => e.key));
  const baseOnly = (name) => !own.has(name) && inBase.has(name);
  return services.entries.some(({ key, value }) => {
    if (value.kind !== "map") return false;
    const extended = entryOf(value, "extends")?.value;
    const extendsFile = extended?.kind === "map" && entryOf(extended, "file") !== void 0;
    if (!entryOf(value, "build") && !entryOf(value, "image") && !extendsFile && inBase.has(key)) return true;
    const extendedNode = extended?.kind === "scalar" ? extended : entryOf(extended, "service")?.value;
    if (!extendsFile && extendedNode?.kind === "scalar" && baseOnly(String(extendedNode.value))) return true;
    const dependsOn = entryOf(value, "depends_on")?.value;
    const targets = dependsOn?.kind === "seq" ? dependsOn.items.flatMap((i) => i.kind === "scalar" ? [String(i.value)] : []) : dependsOn?.kind === "map" ? dependsOn.entries.map((e) => e.key) : [];
    return targets.some(baseOnly);
  });
}

// src/model/image-files.ts
var import_node_path3 = __toESM(require_node_path(), 1);

// src/model/server-config.ts
var UWSGI_LOG_OPTIONS = /* @__PURE__ */ new Set(["logto", "logto2", "daemonize", "logger", "req-logger"]);
function uwsgiIniArg(argv) {
  if (!/(^|\/)uwsgi$/.test(argv[0] ?? "")) return void 0;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === "--ini") return argv[i + 1];
    if (argv[i].startsWith("--ini=")) return argv[i].slice("--ini=".length);
  }
  return void 0;
}
function uwsgiIniLogs(file, text) {
  const logFiles = [];
  let section = "";
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith(";") || line.startsWith("#")) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1].trim();
      return;
    }
    const m = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (!m || section !== "uwsgi" || !UWSGI_LOG_OPTIONS.has(m[1])) return;
    let value = m[2].trim();
    if (m[1] === "logger" || m[1] === "req-logger") {
      const f = /^(?:\w+\s+)?file:(.+)$/.exec(value);
      if (!f) return;
      value = f[1].split(",")[0];
    }
    if (value !== "" && !value.startsWith("/dev/std") && value !== "/proc/1/fd/1")
      logFiles.push({ line: i + 1, option: m[1], value });
  });
  return { file, server: "uwsgi", logFiles };
}

// src/model/image-files.ts
var ImageFiles = class extends ModelPart {
  /** Requirement files the image installs: `pip install -r X` in RUN of built stages, mapped back to the context. */
  requirements(model, context, layout) {
    const found = [];
    for (const stage of model.builtStages) {
      stage.instructions.forEach((ins, index) => {
        if (ins.keyword !== "RUN") return;
        for (const argv of runCommands(ins)) {
          for (const req of requirementArgs(argv)) {
            const wd = layout.workdirAt(stage, index) ?? "/";
            const imagePath = import_node_path3.posix.resolve(wd, req);
            let source = layout.sourceOf(stage, imagePath, index);
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
  withIncludes(files) {
    const out = [];
    const queue = [...new Set(files)];
    const done = /* @__PURE__ */ new Set();
    while (queue.length > 0) {
      const file = queue.shift();
      if (done.has(file) || !(file in this.texts)) continue;
      done.add(file);
      const parsed = parseRequirements(file, this.texts[file]);
      out.push(parsed);
      for (const line of parsed.lines) {
        const inc = includedFile(line);
        const path = inc ? normalizeRelative(joinPath(dirName(file), inc)) : void 0;
        if (path) queue.push(path);
      }
    }
    return out;
  }
  /** Scripts the container runs: ENTRYPOINT/CMD of the target stage and the compose command, traced to context files. */
  entrypointScripts(app, layout) {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const commands = [];
    for (const c of [target.entrypoint, target.cmd]) if (c) commands.push(...instrCommands(c));
    if (target.entrypoint?.argv && target.cmd?.argv)
      commands.push(...argvCommands([...target.entrypoint.argv, ...target.cmd.argv]));
    const service = app.compose?.appService;
    for (const c of [service?.entrypoint, service?.command]) if (c) commands.push(...composeCommands(c));
    if (service?.entrypoint?.argv && service.command?.argv)
      commands.push(...argvCommands([...service.entrypoint.argv, ...service.command.argv]));
    const out = [];
    const workdir = target.workdir || "/";
    for (let k = 0; k < commands.length && k < 200; k++) {
      const argv = commands[k];
      const make = this.makeTargets(argv, target, workdir, service?.volumes ?? [], context.dir, layout);
      if (make && !out.some((s) => s.file === make.file && sameTargets(s.makeTargets, make.makeTargets))) {
        out.push(make);
        for (const c of make.script.commands) commands.push(...argvCommands(c.argv));
        continue;
      }
      for (const word of scriptWords(argv)) {
        const candidates = word.includes("/") ? [import_node_path3.posix.resolve(workdir, word)] : [import_node_path3.posix.resolve(workdir, word), ...binDirs(word)];
        for (const imagePath of candidates) {
          const source = layout.sourceOf(target, imagePath) ?? this.copiedByName(target, word, context, layout);
          const file = source ? joinPath(context.dir, source) : boundFile(service?.volumes ?? [], imagePath);
          if (!file) continue;
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
  /** `make TARGET` run in the image: the recipes of the target in the Makefile of its working directory. */
  makeTargets(argv, target, workdir, volumes, contextDir, layout) {
    const make = makeInvocation(programArgv(argv));
    if (!make || make.file?.includes("$") || make.dir?.includes("$")) return void 0;
    const dir = import_node_path3.posix.resolve(workdir, make.dir ?? ".");
    for (const name of make.file ? [make.file] : ["GNUmakefile", "makefile", "Makefile"]) {
      const imagePath = import_node_path3.posix.resolve(dir, name);
      const source = layout.sourceOf(target, imagePath);
      const file = source ? joinPath(contextDir, source) : boundFile(volumes, imagePath);
      if (!file || !(file in this.texts)) continue;
      const script = makeTargetScript(this.texts[file], make.targets);
      return { file, script, imagePath, makeTargets: make.targets };
    }
    return void 0;
  }
  /** Python programs the start chain runs: `python X.py` found in the image, `manage.py NAME` of a custom command. */
  startPrograms(app, layout) {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const commands = startArgvs(app, target);
    const files = /* @__PURE__ */ new Set();
    for (const argv of commands) {
      const source = this.pythonRunBy(argv, target, context, layout);
      if (source) files.add(joinPath(context.dir, source));
    }
    return [...files].filter((file) => file in this.texts).map((file) => ({ file, credentials: pythonFileCredentials(this.texts[file]) }));
  }
  /**
   * The programs supervisord runs when the start chain starts it: from the file it names with -c, else from every
   * configuration with `[program:…]` sections that the image holds (COPY to conf.d, or linked there by RUN ln -s).
   */
  supervisorPrograms(app, layout) {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const runs = startArgvs(app, target).map((argv) => supervisordRun(programArgv(argv))).filter((r) => r !== void 0);
    if (runs.length === 0) return [];
    const named = runs.map((r) => r.config).filter((c) => c !== void 0 && !c.includes("$"));
    let files;
    if (named.length > 0) {
      files = named.flatMap((c) => {
        const source = layout.sourceOf(target, import_node_path3.posix.resolve(target.workdir || "/", c));
        return source ? [joinPath(context.dir, source)] : [];
      });
    } else {
      files = context.sentFiles.filter((f) => /\.(conf|ini)$/.test(f) && layout.landingOf(target, f)).map((f) => joinPath(context.dir, f)).filter((f) => /^\s*\[program:/m.test(this.texts[f] ?? ""));
    }
    return [...new Set(files)].filter((file) => file in this.texts).flatMap((file) => supervisorPrograms(file, this.texts[file]));
  }
  /** The uwsgi ini files the start chain reads (`uwsgi --ini uwsgi/uwsgi.ini`), resolved in the image. */
  serverConfigs(app, layout) {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const files = /* @__PURE__ */ new Set();
    for (const argv of startArgvs(app, target)) {
      const ini = uwsgiIniArg(argv[0] === "exec" ? argv.slice(1) : argv);
      if (!ini || ini.includes("$")) continue;
      const rel = normalizeRelative(ini);
      const source = layout.sourceOf(target, import_node_path3.posix.resolve(target.workdir || "/", ini)) ?? (rel && context.sentFiles.includes(rel) ? rel : void 0);
      if (source) files.add(joinPath(context.dir, source));
    }
    return [...files].filter((file) => file in this.texts).map((file) => uwsgiIniLogs(file, this.texts[file]));
  }
  /** The context file of `python X.py` (resolved in the image), or of the custom command `manage.py NAME`. */
  pythonRunBy(argv, target, context, layout) {
    const words = argv[0] === "exec" ? argv.slice(1) : argv;
    const command = djangoCommand(words);
    if (command) {
      const tail = `management/commands/${command.name}.py`;
      return context.sentFiles.find((f) => f === tail || f.endsWith(`/${tail}`));
    }
    if (!/(^|\/)python[\d.]*$/.test(words[0] ?? "")) return void 0;
    const script = words.slice(1).find((w) => !w.startsWith("-"));
    if (!script?.endsWith(".py")) return void 0;
    const source = layout.sourceOf(target, import_node_path3.posix.resolve(target.workdir || "/", script));
    return source ?? this.copiedByName(target, baseName(script), context, layout);
  }
  /** A bare command name (`docker-entrypoint.sh`) found on PATH: any COPY landing a file of that name. */
  copiedByName(stage, word, context, layout) {
    if (word.includes("/")) return void 0;
    for (const f of context.sentFiles) {
      if (baseName(f) !== word) continue;
      if (layout.landingOf(stage, f)) return f;
    }
    return void 0;
  }
};
function boundFile(volumes, imagePath) {
  for (const v of [...volumes].reverse()) {
    if (v.type !== "bind" || !v.source || v.source.startsWith("/") || v.source.startsWith("~")) continue;
    const target = import_node_path3.posix.normalize(v.target).replace(/(.)\/+$/, "$1");
    if (imagePath !== target && !imagePath.startsWith(target === "/" ? "/" : `${target}/`)) continue;
    const file = normalizeRelative(joinPath(v.source, imagePath.slice(target.length)));
    if (file) return file;
  }
  return void 0;
}
function sameTargets(a, b) {
  return a !== void 0 && b !== void 0 && a.join(" ") === b.join(" ");
}
function runCommands(run) {
  if (run.argv) {
    const [cmd, flag, script] = run.argv;
    if (/(^|\/)(ba|da)?sh$/.test(cmd ?? "") && flag === "-c" && script)
      return parseShell(script).commands.map((c) => c.argv);
    return [run.argv];
  }
  return run.script?.commands.map((c) => c.argv) ?? [];
}
function requirementArgs(argv) {
  const i = argv.findIndex((w) => /(^|\/)pip[\d.]*$/.test(w));
  const installAt = argv.findIndex((w, k) => k > i && ["install", "wheel", "download"].includes(w));
  const isPip = (i >= 0 || argv.some((w, k) => w === "-m" && argv[k + 1] === "pip")) && installAt >= 0;
  if (!isPip) return [];
  const out = [];
  for (let k = installAt + 1; k < argv.length; k++) {
    const w = argv[k];
    if ((w === "-r" || w === "--requirement" || w === "--requirements") && argv[k + 1]) out.push(argv[++k]);
    else if (/^--requirements?=/.test(w)) out.push(w.slice(w.indexOf("=") + 1));
    else if (/^-r[^-]/.test(w)) out.push(w.slice(2));
  }
  return out.filter((p) => !p.includes("$"));
}
function startArgvs(app, target) {
  const commands = [];
  for (const c of [target.entrypoint, target.cmd]) if (c) commands.push(...instrCommands(c));
  const service = app.compose?.appService;
  for (const c of [service?.entrypoint, service?.command]) if (c) commands.push(...composeCommands(c));
  for (const s of app.entrypointScripts) commands.push(...s.script.commands.map((c) => c.argv));
  for (const p of app.supervisorPrograms ?? []) commands.push(p.argv);
  return commands;
}
function instrCommands(c) {
  if (c.argv) return argvCommands(c.argv);
  return c.script?.commands.map((x) => x.argv) ?? [];
}
function argvCommands(argv) {
  const script = inlineScript(argv);
  return script === void 0 ? [argv] : [argv, ...parseShell(script).commands.map((x) => x.argv)];
}
function composeCommands(c) {
  if (c.argv) {
    const [cmd, flag, script] = c.argv;
    if (/(^|\/)(ba|da)?sh$/.test(cmd ?? "") && flag === "-c" && script)
      return [c.argv, ...parseShell(script).commands.map((x) => x.argv)];
    return [c.argv];
  }
  return c.script?.commands.map((x) => x.argv) ?? [];
}
function scriptWords(argv) {
  if (argv.length === 0) return [];
  let k = 0;
  while (["exec", "tini", "/tini", "--", "/usr/bin/tini", "dumb-init", "/usr/bin/dumb-init"].includes(argv[k]))
    k++;
  const cmd = argv[k];
  if (cmd === void 0) return [];
  if (/(^|\/)(ba|da)?sh$/.test(cmd)) {
    const rest = argv.slice(k + 1).filter((w) => !w.startsWith("-"));
    if (argv.slice(k + 1).includes("-c")) return [];
    return rest.slice(0, 1);
  }
  if (/(^|\/)python[\d.]*$/.test(cmd)) return [];
  if (/^(gunicorn|uwsgi|uvicorn|daphne|django-admin)$/.test(baseName(cmd))) return [];
  const dashes = argv.indexOf("--", k + 1);
  return dashes > 0 ? [cmd, ...scriptWords(argv.slice(dashes + 1))] : [cmd];
}
function binDirs(word) {
  return ["/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin"].map((d) => `${d}/${word}`);
}

// src/model/settings-modules.ts
var SettingsModules = class extends ModelPart {
  /** The app's settings and the bases they star-import, modelled; nothing when no settings module is found. */
  model(app, seed) {
    const settings = this.settingsFile(app, seed);
    if (!settings) return { bases: [] };
    const importRoot = app.managePy ? dirName(app.managePy) : app.dir;
    const resolve3 = (from, module) => {
      const file = this.importedFile(from, module, importRoot);
      return file === void 0 ? void 0 : { file, text: this.texts[file] };
    };
    const r = modelSettings(settings.file, settings.module, this.texts[settings.file], resolve3);
    this.addErrors(r.errors);
    if (!r.model) return { bases: [] };
    return { settings: r.model, bases: this.settingsBases(r.model, importRoot) };
  }
  /**
   * The settings module: the input, the runtime environment (compose, then ENV), what the start chain exports, the
   * served wsgi module's default, manage.py's default, else a search.
   */
  settingsFile(app, seed) {
    const base = app.managePy ? dirName(app.managePy) : app.dir;
    const modules = [];
    if (this.tree.options.settingsModule) modules.push(this.tree.options.settingsModule);
    const fromCompose = app.compose?.appService?.environment.find(
      (e) => e.name === "DJANGO_SETTINGS_MODULE"
    )?.value;
    if (fromCompose) modules.push(fromCompose);
    const fromEnv = app.dockerfile?.targetStage?.env.DJANGO_SETTINGS_MODULE;
    if (fromEnv) modules.push(fromEnv);
    const fromStartChain = startChainSettingsModule(app);
    if (fromStartChain) modules.push(fromStartChain);
    const fromServer = this.serverSettingsModule(app, base);
    if (fromServer) modules.push(fromServer);
    if (app.managePy) {
      const m = /DJANGO_SETTINGS_MODULE['"]\s*,\s*(?:f?['"])([\w.]+)['"]/.exec(
        this.texts[app.managePy] ?? ""
      );
      if (m) modules.push(m[1]);
    }
    for (const module2 of modules) {
      for (const dir of [base, seed.contextDir ?? base, "."]) {
        const file = moduleFiles(dir, module2).find((f) => f in this.texts);
        if (file) return this.packageLeaf(file, module2) ?? { file, module: module2 };
        const unreadable = this.tree.unreadable.find((u) => moduleFiles(dir, module2).includes(u.file));
        if (unreadable) {
          this.addErrors([
            {
              file: unreadable.file,
              message: `Cannot read ${unreadable.file}: ${unreadable.reason}. It was left out of the analysis.`
            }
          ]);
          return void 0;
        }
      }
    }
    const searchDir = seed.contextDir ?? base;
    const found = Object.keys(this.texts).filter(
      (f) => isSettingsCandidate(f) && isUnder(f, searchDir) && /\b(INSTALLED_APPS|DATABASES)\b/.test(this.texts[f])
    ).sort((a, b) => settingsRank(a) - settingsRank(b) || byDepth(a, b))[0];
    if (!found) return void 0;
    const module = relativeTo(found, base).replace(/\/__init__\.py$|\.py$/, "").replace(/\//g, ".");
    return { file: found, module };
  }
  /** The default of the wsgi/asgi module the server serves (`gunicorn config.wsgi`), which may differ from manage.py's. */
  serverSettingsModule(app, base) {
    const target = app.dockerfile?.targetStage;
    const service = app.compose?.appService;
    const argvs = [
      ...[service?.entrypoint, service?.command, target?.entrypoint, target?.cmd].flatMap(
        (c) => c?.argv ? [c.argv] : c?.script?.commands.map((x) => x.argv) ?? []
      ),
      ...app.entrypointScripts.flatMap((s) => s.script.commands.map((c) => c.argv))
    ];
    for (const argv of argvs) {
      const server = serverOf(argv);
      if (!server || server.kind === "runserver") continue;
      const module = argv.map((w) => /^([A-Za-z_][\w.]*\.[aw]sgi)(:[\w.]+)?$/.exec(w)?.[1]).find(Boolean);
      const file = module && moduleFiles(base, module).find((f) => f in this.texts);
      const m = file && /DJANGO_SETTINGS_MODULE['"]\s*,\s*(?:f?['"])([\w.]+)['"]/.exec(this.texts[file]);
      if (m) return m[1];
    }
    return void 0;
  }
  /**
   * For a settings package whose `__init__.py` sets nothing (`suppliers.settings` holding base.py and mypackage.py):
   * the module meant to be run, the one no sibling imports (a production-like one first).
   */
  packageLeaf(file, module) {
    if (baseName(file) !== "__init__.py" || !isEmptyModule(this.texts[file] ?? "")) return void 0;
    const dir = dirName(file);
    const siblings = Object.keys(this.texts).filter(
      (f) => dirName(f) === dir && f.endsWith(".py") && f !== file
    );
    const stem = (f) => baseName(f).replace(/\.py$/, "");
    const imported = new Set(
      siblings.flatMap(
        (f) => [...this.texts[f].matchAll(/^[ \t]*from\s+(?:\.|[\w.]*\.)(\w+)\s+import\b/gm)].map((m) => m[1])
      )
    );
    const leaf = siblings.filter(
      (f) => !imported.has(stem(f)) && /\b(INSTALLED_APPS|DATABASES)\b|import\s+\*/.test(this.texts[f])
    ).sort((a, b) => settingsRank(a) - settingsRank(b) || a.localeCompare(b))[0];
    return leaf ? { file: leaf, module: `${module}.${stem(leaf)}` } : void 0;
  }
  /**
   * The settings modules a settings module star-imports (`from .base import *`), read in the order they take
   * effect: a base's own bases before it. Modules outside the repository (and cycles) are left out.
   */
  settingsBases(settings, importRoot, seen = /* @__PURE__ */ new Set()) {
    seen.add(settings.file);
    const out = [];
    for (const { module } of settings.starImports ?? []) {
      const file = this.importedFile(settings.file, module, importRoot);
      if (!file || seen.has(file) || seen.size > 8) continue;
      const dotted = (isUnder(file, importRoot) ? relativeTo(file, importRoot) : file).replace(/\/__init__\.py$|\.py$/, "").replace(/\//g, ".");
      const r = modelSettings(file, dotted, this.texts[file]);
      this.addErrors(r.errors);
      if (!r.model) continue;
      out.push(...this.settingsBases(r.model, importRoot, seen), r.model);
    }
    return out;
  }
  /** The file a `from MODULE import` in `file` reads: relative to its package, or from the import root. */
  importedFile(file, module, importRoot) {
    const dots = /^\.*/.exec(module)[0].length;
    const rest = module.slice(dots);
    let dir = importRoot;
    if (dots > 0) {
      dir = dirName(file);
      for (let i = 1; i < dots; i++) dir = dirName(dir);
      if (!rest) return [joinPath(dir, "__init__.py")].find((f) => f in this.texts);
    }
    return moduleFiles(dir, rest).find((f) => f in this.texts && f !== file);
  }
};
function startChainSettingsModule(app) {
  const target = app.dockerfile?.targetStage;
  const service = app.compose?.appService;
  const commands = [service?.entrypoint, service?.command, target?.entrypoint, target?.cmd];
  const scripts = [...commands.map((c) => c?.script), ...app.entrypointScripts.map((s) => s.script)];
  const found = [];
  for (const script of scripts) {
    for (const a of script?.assignments ?? [])
      if (a.name === "DJANGO_SETTINGS_MODULE" && a.literal && /^[A-Za-z_][\w.]*$/.test(a.value))
        found.push(a.value);
    for (const c of script?.commands ?? []) {
      const module = settingsOption(c.argv);
      if (module) found.push(module);
    }
  }
  for (const c of commands) {
    const module = c?.argv && settingsOption(c.argv);
    if (module) found.push(module);
  }
  return found.filter((m) => /prod/i.test(m)).at(-1) ?? found.at(-1);
}
function settingsOption(argv) {
  if (!djangoCommand(argv)) return void 0;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === "--settings" ? argv[i + 1] : /^--settings=(.+)$/.exec(argv[i])?.[1];
    if (value && /^[A-Za-z_][\w.]*$/.test(value)) return value;
  }
  return void 0;
}
function settingsRank(file) {
  if (baseName(file) === "settings.py") return 0;
  if (/prod/.test(baseName(file))) return 1;
  if (baseName(file) === "__init__.py") return 3;
  return 2;
}
function isEmptyModule(text) {
  return !/^[A-Z_][A-Z0-9_]*\s*[:=]/m.test(text) && !/^\s*from\s+\S+\s+import\s+\*/m.test(text);
}

// src/model/index.ts
function analysedApps(project) {
  return project.apps.map((app) => ({
    dir: app.dir,
    ...app.dockerfile ? { dockerfile: app.dockerfile.file } : {},
    ...app.compose ? { composeFiles: app.compose.files } : {},
    ...app.settings ? { settings: app.settings.file } : {}
  }));
}
function buildProject(tree, isKnownRule2) {
  return new ProjectBuilder(tree, isKnownRule2).build();
}
var ProjectBuilder = class {
  constructor(tree, isKnownRule2) {
    this.tree = tree;
    this.isKnownRule = isKnownRule2;
    this.files = tree.files;
    this.texts = tree.texts;
    this.seeds = new AppSeeds(this);
    this.settingsModules = new SettingsModules(this);
    this.imageFiles = new ImageFiles(this);
  }
  tree;
  isKnownRule;
  parseErrors = [];
  errorKeys = /* @__PURE__ */ new Set();
  files;
  texts;
  seeds;
  settingsModules;
  imageFiles;
  build() {
    const { suppressions, problems } = this.suppressions();
    for (const u of this.tree.unreadable) {
      const named = this.isNamedInput(u.file);
      if (isCoreFile(u.file) || isDockerignore(u.file) || isRequirementsFile(u.file) || isScript(u.file) || named) {
        const what = named ? `${u.file} (named in the inputs)` : u.file;
        this.addErrors([
          { file: u.file, message: `Cannot read ${what}: ${u.reason}. It was left out of the analysis.` }
        ]);
      }
    }
    if (this.tree.truncated) {
      this.addErrors([
        {
          file: ".",
          message: `The directory holds more than ${this.tree.truncated.limit} files; only the first ${this.tree.truncated.limit} were considered. Exclude generated or vendored directories to analyse it fully.`
        }
      ]);
    }
    const composeSets = new ComposeProjects(this).find();
    const excluded = (file) => file !== void 0 && (this.tree.options.exclude ?? []).some((g) => matchesGlob(g, file));
    const apps = this.seeds.find(composeSets).filter((seed) => !excluded(seed.dockerfile ?? seed.managePy)).map((seed) => this.safeApp(seed));
    return {
      root: this.tree.root,
      apps,
      ...this.seeds.skipped.length > 0 ? { skippedProjects: this.seeds.skipped } : {},
      parseErrors: this.parseErrors,
      suppressions,
      suppressionProblems: problems
    };
  }
  addErrors(errors) {
    for (const e of errors) {
      const key = `${e.file}\0${e.line ?? ""}\0${e.message}`;
      if (this.errorKeys.has(key)) continue;
      this.errorKeys.add(key);
      this.parseErrors.push(e);
    }
  }
  suppressions() {
    const suppressions = [];
    const problems = [];
    const configFile = this.tree.options.configFile ?? DEFAULT_CONFIG_FILE;
    for (const [file, text] of Object.entries(this.texts)) {
      if (file === configFile || /(^|\/)\.env$/.test(file)) continue;
      if (!(isCoreFile(file) || looksLikeCompose(file, text) || isDockerignore(file) || isRequirementsFile(file) || isScript(file) || file.endsWith(".py"))) {
        if (!this.isNamedInput(file)) continue;
      }
      const syntax = isDockerfile(file) || file === this.tree.options.dockerfile ? "dockerfile" : isDockerignore(file) ? "line-start" : "trailing";
      const r = parseSuppressions(file, text, this.isKnownRule, syntax);
      suppressions.push(...r.suppressions);
      problems.push(...r.problems);
    }
    return { suppressions, problems };
  }
  isNamedInput(file) {
    const o = this.tree.options;
    const named = [o.dockerfile, ...o.composeFiles ?? []].filter((f) => !!f);
    return named.some((f) => f === file || normalizeRelative(f) === file);
  }
  /** One app's modelling failing (a bug, not bad input) must not take the others down: it becomes a TF0001. */
  safeApp(seed) {
    try {
      return this.app(seed);
    } catch (error) {
      const file = seed.dockerfile ?? seed.managePy ?? ".";
      this.addErrors([{ file, message: `Could not model the app of ${file}: ${error.message}` }]);
      return { dir: seed.managePy ? dirName(seed.managePy) : ".", requirements: [], entrypointScripts: [] };
    }
  }
  app(seed) {
    const dir = seed.managePy ? dirName(seed.managePy) : seed.contextDir ?? (seed.dockerfile ? dirName(seed.dockerfile) : seed.compose?.dir ?? ".");
    const app = { dir, requirements: [], entrypointScripts: [] };
    if (seed.managePy) app.managePy = seed.managePy;
    if (seed.compose?.model) app.compose = seed.compose.model;
    if (seed.remoteContext) app.remoteContext = seed.remoteContext;
    if (seed.dockerfile && seed.dockerfile in this.texts) {
      const r = modelDockerfile(seed.dockerfile, this.texts[seed.dockerfile], {
        target: seed.target,
        buildArgs: seed.args
      });
      this.addErrors(r.errors);
      if (r.model) app.dockerfile = r.model;
    }
    if (seed.dockerfile)
      app.context = this.context(seed.contextDir ?? dirName(seed.dockerfile), seed.dockerfile);
    if (app.dockerfile && app.context) {
      const layout = new ImageLayout(app.dockerfile, app.context.sentFiles);
      app.requirements = this.imageFiles.requirements(app.dockerfile, app.context, layout);
      app.entrypointScripts = this.imageFiles.entrypointScripts(app, layout);
      const programs = this.imageFiles.supervisorPrograms(app, layout);
      if (programs.length > 0) app.supervisorPrograms = programs;
      app.startPrograms = this.imageFiles.startPrograms(app, layout);
      app.serverConfigs = this.imageFiles.serverConfigs(app, layout);
      const target = app.dockerfile.targetStage;
      if (target && app.managePy && isUnder(app.managePy, app.context.dir)) {
        const landing = layout.landingOf(target, relativeTo(app.managePy, app.context.dir));
        if (landing) app.imageSourceDir = import_node_path4.posix.dirname(landing);
      }
    }
    if (!seed.managePy && !seed.dockerfile && !seed.remoteContext) return app;
    const { settings, bases } = this.settingsModules.model(app, seed);
    if (settings) app.settings = settings;
    if (bases.length > 0) app.settingsBases = bases;
    return app;
  }
  /** The build context: its files and what `.dockerignore` lets through (`<Dockerfile>.dockerignore` first). */
  context(dir, dockerfile) {
    const files = this.files.filter((f) => isUnder(f, dir)).map((f) => relativeTo(f, dir));
    const specific = `${dockerfile}.dockerignore`;
    const ignoreFile = specific in this.texts ? specific : joinPath(dir, ".dockerignore");
    const dockerignore = ignoreFile in this.texts ? parseDockerignore(ignoreFile, this.texts[ignoreFile]) : void 0;
    const skipped = (this.tree.skippedDirs ?? []).filter((d) => isUnder(d, dir)).map((d) => relativeTo(d, dir));
    const context = { dir, files, sentFiles: sentFiles(files, dockerignore) };
    if (dockerignore) context.dockerignore = dockerignore;
    const templates = files.filter((f) => {
      const text = this.texts[joinPath(dir, f)];
      return isEnvTemplateName(f) && text !== void 0 && secretsInEnvTemplate(text).length > 0;
    });
    if (templates.length > 0) context.envTemplatesWithSecrets = templates;
    if (skipped.length > 0) {
      context.skippedDirs = skipped;
      context.sentSkippedDirs = sentFiles(skipped, dockerignore);
    }
    return context;
  }
};

// src/rules/run.ts
function runRules(project, config, rules = RULES) {
  const findings = [];
  for (const rule of rules) {
    if (rule.kind !== "S" || config.rules[rule.id] === "off") continue;
    let raw;
    try {
      raw = rule.check(project);
    } catch (error) {
      const parseError = findRule("TF0001");
      findings.push(
        stamp(parseError, {
          file: ".",
          message: `Rule ${rule.id} (${rule.name}) could not judge this project: ${error.message}`
        })
      );
      continue;
    }
    for (const r of raw) findings.push(stamp(rule, r));
  }
  return finalize(findings, project, config);
}
function finalize(findings, project, config) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const f of findings) {
    const override = config.rules[f.ruleId];
    if (override === "off") continue;
    if (override) f.severity = override;
    if (config.exclude.some((g) => matchesGlob(g, f.file))) continue;
    const key = `${f.ruleId}\0${f.file}\0${f.line ?? ""}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (config.allowSuppressions) {
      const s = suppressionFor(f, project);
      if (s) f.suppressed = { by: s.appliesTo === "file" ? "file" : "inline", reason: s.reason };
    }
    out.push(f);
  }
  return out.sort(
    (a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.ruleId, b.ruleId)
  );
}
function suppressionFor(f, project) {
  return project.suppressions.find(
    (s) => s.file === f.file && (s.appliesTo === "file" || s.appliesTo === f.line || s.line === f.line || onContinuation(s.appliesTo, f)) && s.rules.some((r) => findRule(r)?.id === f.ruleId)
  );
}
function onContinuation(line, f) {
  return f.line !== void 0 && f.endLine !== void 0 && line > f.line && line <= f.endLine;
}

// src/pipeline.ts
async function analyzeStatic(root, config, options = {}, overlay) {
  const tree = await discover(root, { exclude: config.exclude, ...options }, {}, overlay);
  const project = buildProject(tree, isKnownRule);
  return { project, findings: runRules(project, config) };
}
function analysedScope(project) {
  return {
    apps: analysedApps(project),
    ...project.skippedProjects ? { skipped: project.skippedProjects } : {}
  };
}
function joinSmoke(staticResult, config, dynamic) {
  if (!dynamic) return { findings: staticResult.findings };
  return {
    findings: finalize([...staticResult.findings, ...dynamic.findings], staticResult.project, config),
    smoke: dynamic.result
  };
}

// src/fix/files.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_os = __toESM(require_node_os(), 1);
var import_node_path5 = __toESM(require_node_path(), 1);
var MAX_FIX_BYTES = 1024 * 1024;
function readText(root, file) {
  try {
    const decoded = decodeText(readInsideSync(root, file, { maxBytes: MAX_FIX_BYTES }));
    return "text" in decoded ? decoded.text : void 0;
  } catch {
    return void 0;
  }
}
function writeText(root, file, text) {
  let encoding = "utf-8";
  try {
    encoding = encodingOf(readInsideSync(root, file, { maxBytes: MAX_FIX_BYTES }));
  } catch {
  }
  writeOwnFile((0, import_node_path5.join)(root, file), encodeText(text, encoding), [root]);
}
var MAX_SCRATCH_ENTRIES = 2e4;
var ScratchTooLarge = class extends Error {
  name = "ScratchTooLarge";
};
function makeScratch(root, maxEntries = MAX_SCRATCH_ENTRIES) {
  const base = (0, import_node_fs2.mkdtempSync)((0, import_node_path5.join)((0, import_node_os.tmpdir)(), "tfr-fix-"));
  const dir = (0, import_node_path5.join)(base, "tree");
  let entries = 0;
  try {
    copyTree(root, dir, () => {
      if (++entries > maxEntries)
        throw new ScratchTooLarge(
          `the project holds more than ${maxEntries} files and directories outside .git, more than the copy of the fixed tree takes`
        );
    });
  } catch (error) {
    (0, import_node_fs2.rmSync)(base, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    write(file, text) {
      if (text === void 0) (0, import_node_fs2.rmSync)((0, import_node_path5.join)(dir, file), { force: true });
      else writeText(dir, file, text);
    },
    dispose: () => (0, import_node_fs2.rmSync)(base, { recursive: true, force: true })
  };
}
function copyTree(root, dir, counted) {
  (0, import_node_fs2.cpSync)(root, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      if (/[\\/]\.git$/.test(source)) return false;
      if (source !== root) counted();
      const stat = (0, import_node_fs2.lstatSync)(source);
      if (!stat.isFile() || stat.size <= MAX_FILE_BYTES) return true;
      const target = (0, import_node_path5.join)(dir, (0, import_node_path5.relative)(root, source));
      (0, import_node_fs2.mkdirSync)((0, import_node_path5.dirname)(target), { recursive: true });
      const fd = (0, import_node_fs2.openSync)(target, "w");
      try {
        (0, import_node_fs2.ftruncateSync)(fd, stat.size);
      } finally {
        (0, import_node_fs2.closeSync)(fd);
      }
      return false;
    }
  });
}

// src/fix/patch.ts
var import_node_fs3 = __toESM(require_node_fs(), 1);
var import_node_path6 = __toESM(require_node_path(), 1);

// src/fix/diff.ts
var CONTEXT = 3;
var MAX_CELLS = 4e6;
function splitLines(text) {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\0";
  return lines;
}
function diffLines(a, b) {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const ops = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: " ", line: a[i], oldNo: i, newNo: i });
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const middle = [];
  if (am.length * bm.length > MAX_CELLS) {
    am.forEach((line, i) => middle.push({ kind: "-", line, oldNo: pre + i, newNo: pre }));
    bm.forEach((line, j) => middle.push({ kind: "+", line, oldNo: pre + am.length, newNo: pre + j }));
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i2 = n - 1; i2 >= 0; i2--)
      for (let j2 = m - 1; j2 >= 0; j2--)
        lcs[i2][j2] = am[i2] === bm[j2] ? lcs[i2 + 1][j2 + 1] + 1 : Math.max(lcs[i2 + 1][j2], lcs[i2][j2 + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        middle.push({ kind: " ", line: am[i], oldNo: pre + i, newNo: pre + j });
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        middle.push({ kind: "+", line: bm[j], oldNo: pre + i, newNo: pre + j });
        j++;
      } else {
        middle.push({ kind: "-", line: am[i], oldNo: pre + i, newNo: pre + j });
        i++;
      }
    }
    for (let k = 0; k < middle.length; k++) {
      if (middle[k].kind === " ") continue;
      let e = k;
      while (e < middle.length && middle[e].kind !== " ") e++;
      const block = middle.slice(k, e);
      middle.splice(k, e - k, ...block.filter((o) => o.kind === "-"), ...block.filter((o) => o.kind === "+"));
      k = e;
    }
  }
  ops.push(...middle);
  for (let k = 0; k < suf; k++)
    ops.push({
      kind: " ",
      line: a[a.length - suf + k],
      oldNo: a.length - suf + k,
      newNo: b.length - suf + k
    });
  return ops;
}
function printLine(op) {
  const noEol = op.line.endsWith("\0");
  const text = noEol ? op.line.slice(0, -1) : op.line;
  return noEol ? [`${op.kind}${text}`, "\\ No newline at end of file"] : [`${op.kind}${text}`];
}
function unifiedDiff(path, oldText, newText) {
  if (oldText === newText) return "";
  const a = splitLines(oldText ?? "");
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  const changed = ops.map((o, i) => o.kind === " " ? -1 : i).filter((i) => i >= 0);
  if (changed.length === 0) return "";
  const out = [
    `diff --git a/${path} b/${path}`,
    ...oldText === void 0 ? ["new file mode 100644", "--- /dev/null"] : [`--- a/${path}`],
    `+++ b/${path}`
  ];
  let k = 0;
  while (k < changed.length) {
    const first = Math.max(0, changed[k] - CONTEXT);
    let last = Math.min(ops.length - 1, changed[k] + CONTEXT);
    k++;
    while (k < changed.length && changed[k] - CONTEXT <= last + 1) {
      last = Math.min(ops.length - 1, changed[k] + CONTEXT);
      k++;
    }
    const hunk = ops.slice(first, last + 1);
    const oldCount = hunk.filter((o) => o.kind !== "+").length;
    const newCount = hunk.filter((o) => o.kind !== "-").length;
    const oldStart = oldCount === 0 ? hunk[0].oldNo : hunk[0].oldNo + 1;
    const newStart = newCount === 0 ? hunk[0].newNo : hunk[0].newNo + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) out.push(...printLine(op));
  }
  return `${out.join("\n")}
`;
}

// src/fix/patch.ts
function repositoryRoot(dir) {
  for (let d = dir; ; d = (0, import_node_path6.dirname)(d)) {
    if ((0, import_node_fs3.existsSync)((0, import_node_path6.join)(d, ".git"))) return d;
    if ((0, import_node_path6.dirname)(d) === d) return void 0;
  }
}
function repositoryPrefix(dir) {
  const top = repositoryRoot(dir);
  const rel = top === void 0 ? "" : (0, import_node_path6.relative)(top, dir).split(import_node_path6.sep).join("/");
  return rel === "" ? "" : `${rel}/`;
}
function patchOf(changes, prefix = "") {
  return [...changes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, { before, after }]) => unifiedDiff(`${prefix}${file}`, before, after)).join("");
}

// src/fix/edits.ts
var EditConflict = class extends Error {
  name = "EditConflict";
};
function lineEnding(text) {
  const i = text.indexOf("\n");
  return i > 0 && text[i - 1] === "\r" ? "\r\n" : "\n";
}
function offsetOf(text, starts, line, column) {
  if (line > starts.length) return text.length;
  const lineStart = starts[line - 1];
  const lineEnd = line < starts.length ? starts[line] : text.length;
  return Math.min(lineStart + column - 1, lineEnd);
}
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n" && i + 1 < text.length) starts.push(i + 1);
  return text.length === 0 ? [] : starts;
}
function applyFileEdits(original, edits) {
  let text = original ?? "";
  const eol = lineEnding(text);
  const appends = edits.some((e) => e.start.line > lineStarts(text).length);
  if (appends && text.length > 0 && !text.endsWith("\n")) text += eol;
  const starts = lineStarts(text);
  const ranges = edits.map((e) => ({
    from: offsetOf(text, starts, e.start.line, e.start.column),
    to: offsetOf(text, starts, e.end.line, e.end.column),
    text: eol === "\r\n" ? e.text.replace(/\r?\n/g, "\r\n") : e.text
  })).sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].from < ranges[i - 1].to || ranges[i].from === ranges[i - 1].from && ranges[i].to === ranges[i - 1].to && ranges[i].from !== ranges[i].to)
      throw new EditConflict("overlapping edits");
  }
  let out = "";
  let at = 0;
  for (const r of ranges) {
    if (r.to < r.from) throw new EditConflict("an edit ends before it starts");
    out += text.slice(at, r.from) + r.text;
    at = r.to;
  }
  return out + text.slice(at);
}
function applyEdits(texts, edits) {
  const byFile = /* @__PURE__ */ new Map();
  for (const e of edits) byFile.set(e.file, [...byFile.get(e.file) ?? [], e]);
  const out = /* @__PURE__ */ new Map();
  for (const [file, fileEdits] of byFile) out.set(file, applyFileEdits(texts(file), fileEdits));
  return out;
}
function editsOverlap(a, b) {
  const before = (p, q) => p.line < q.line || p.line === q.line && p.column <= q.column;
  return a.some(
    (x) => b.some(
      (y) => x.file === y.file && // Touching ranges also count: two insertions at one point would come out in an arbitrary order.
      before(x.start, y.end) && before(y.start, x.end)
    )
  );
}

// src/fix/publish.ts
function publishedFixes(result, read, prefix, knownSecret) {
  const secrets = result.applied.flatMap((f) => f.secrets ?? []).filter((s) => s.trim() !== "");
  const holdsSecret = (text) => secrets.some((s) => text.includes(s)) || knownSecret(text);
  const shown = /* @__PURE__ */ new Map();
  const withheld = [];
  for (const [file, change] of [...result.changes].sort(([a], [b]) => a.localeCompare(b))) {
    if (holdsSecret(unifiedDiff(`${prefix}${file}`, change.before, change.after))) withheld.push(file);
    else shown.set(file, change);
  }
  const suggestions = [...result.provenAlone, ...result.suggestions].map((fix) => suggestionOf(fix, read)).filter((s) => s !== void 0 && !holdsSecret(s.lines.join("\n")));
  return {
    fixes: {
      patch: patchOf(shown, prefix),
      withheld,
      applied: result.applied.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint, title: f.title })),
      variables: [...new Set(result.applied.flatMap((f) => f.variables ?? []))].sort(),
      suggestions
    },
    patch: patchOf(result.changes, prefix),
    changes: result.changes
  };
}
function suggestionOf(fix, read) {
  const file = fix.edits[0]?.file;
  const before = file === void 0 ? void 0 : read(file);
  if (before === void 0 || fix.edits.some((e) => e.file !== file)) return void 0;
  let after;
  try {
    after = applyFileEdits(before, fix.edits);
  } catch {
    return void 0;
  }
  const split = (t) => t.replace(/\r?\n$/, "").split(/\r?\n/);
  const old = split(before);
  const now = split(after);
  let start = Infinity;
  let end = 0;
  for (const e of fix.edits) {
    const last = e.end.column === 1 && e.end.line > e.start.line ? e.end.line - 1 : e.end.line;
    start = Math.min(start, e.start.line);
    end = Math.max(end, last, e.start.line);
  }
  start = Math.min(start, old.length);
  end = Math.min(end, old.length);
  if (start < 1 || end < start) return void 0;
  const lines = now.slice(start - 1, now.length - (old.length - end));
  return { fingerprint: fix.fingerprint, ruleId: fix.ruleId, file, startLine: start, endLine: end, lines };
}

// src/fix/run.ts
async function runFixes(ports, options) {
  const session = new FixSession(ports, options);
  for (let round = 0; round < (options.maxRounds ?? 6); round++) if (!await session.round(round)) break;
  return session.finish();
}
var FixSession = class {
  constructor(ports, options) {
    this.ports = ports;
    this.options = options;
    const fixable = (r) => !!r.fix || !!options.facts && informedFixersOf(r.id).length > 0;
    this.byId = new Map(options.rules.filter(fixable).map((r) => [r.id, r]));
  }
  ports;
  options;
  byId;
  /** The files the accepted rounds changed, and their text before the run (undefined: a new file). */
  current = /* @__PURE__ */ new Map();
  original = /* @__PURE__ */ new Map();
  /** The tree being tried: the files the fixes change, over the scanned directory's. */
  tried = /* @__PURE__ */ new Map();
  /** A tree tried before (the next round starts from the last accepted one) is not analysed again. */
  analyses = /* @__PURE__ */ new Map();
  /** Findings of an earlier round whose run-informed fix waits for another rule's fix (see InformedFixer.after). */
  deferredFindings = /* @__PURE__ */ new Map();
  result = {
    changes: /* @__PURE__ */ new Map(),
    applied: [],
    provenAlone: [],
    suggestions: [],
    dropped: []
  };
  textOf = (file) => this.current.has(file) ? this.current.get(file) : this.ports.read(file);
  /** A file put back to its text on disk leaves the overlay, so the tree keeps its key and its cached analysis. */
  write(file, text) {
    if (text === void 0 || text === this.ports.read(file)) this.tried.delete(file);
    else this.tried.set(file, text);
  }
  analyzeTried() {
    const key = JSON.stringify([...this.tried].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
    if (!this.analyses.has(key)) this.analyses.set(key, this.ports.analyze(new Map(this.tried)));
    return this.analyses.get(key);
  }
  /** Whether a fix passes its proof applied alone to the files as they are; the tried tree is put back after. */
  async provedAlone(fix, accepted, before) {
    const files = new Set([...accepted, ...fix.edits].map((e) => e.file));
    let alone;
    try {
      alone = applyEdits(this.ports.read, fix.edits);
    } catch {
      return false;
    }
    for (const file of files) this.write(file, alone.has(file) ? alone.get(file) : this.ports.read(file));
    const after = await this.analyzeTried();
    const kept = applyEdits(this.ports.read, accepted);
    for (const file of files) this.write(file, kept.has(file) ? kept.get(file) : this.ports.read(file));
    return proofFailure(before, after.findings, fix) === void 0;
  }
  /** The fixes proposed for the tree as the last round left it, narrow ones first. */
  candidates(baseline) {
    const known = new Set(baseline.findings.map((f) => f.fingerprint));
    const carried = [...this.options.dynamicFindings ?? [], ...this.deferredFindings.values()].filter(
      (f) => !known.has(f.fingerprint)
    );
    const { fixes: proposed, deferred } = proposals(
      { project: baseline.project, findings: [...baseline.findings, ...carried] },
      this.byId,
      this.textOf,
      this.ports.debug,
      this.options.facts,
      new Set(carried.map((f) => f.fingerprint))
    );
    this.deferredFindings.clear();
    for (const f of deferred) this.deferredFindings.set(f.fingerprint, f);
    return narrowFirst(proposed);
  }
  /** One round: every candidate proven on the tree with the round's accepted fixes; false when none was accepted. */
  async round(round) {
    const { result } = this;
    let baseline = await this.analyzeTried();
    const start = baseline;
    const accepted = [];
    const snapshot = /* @__PURE__ */ new Map();
    let progressed = false;
    const waiting = [];
    for (const fix of this.candidates(baseline)) {
      if (fix.safety === "suggest" && round > 0) continue;
      const overlaps = editsOverlap(accepted, fix.edits);
      if (overlaps || fix.safety === "safe" && waiting.some((w) => rewrites(fix, w))) {
        if (fix.safety === "safe") waiting.push(fix);
        if (round === 0 && fix.safety === "safe" && await this.provedAlone(fix, accepted, start.findings))
          result.provenAlone.push(fix);
        continue;
      }
      const edits = fix.safety === "safe" ? [...accepted, ...fix.edits] : fix.edits;
      let next;
      try {
        next = applyEdits(this.textOf, edits);
      } catch (error) {
        if (!(error instanceof EditConflict)) throw error;
        drop(result, this.ports, fix, "its edits overlap");
        continue;
      }
      for (const file of next.keys()) if (!snapshot.has(file)) snapshot.set(file, this.textOf(file));
      for (const [file, text] of next) this.write(file, text);
      const after = await this.analyzeTried();
      const why = proofFailure(baseline.findings, after.findings, fix);
      if (why || fix.safety === "suggest") {
        const kept = applyEdits(this.textOf, accepted);
        for (const file of next.keys()) this.write(file, kept.get(file) ?? snapshot.get(file));
        if (why) drop(result, this.ports, fix, why);
        else if (!result.suggestions.some((s) => s.fingerprint === fix.fingerprint))
          result.suggestions.push(fix);
        continue;
      }
      accepted.push(...fix.edits);
      result.applied.push(fix);
      if (round === 0) result.provenAlone.push(fix);
      baseline = after;
      progressed = true;
    }
    if (progressed)
      for (const [file, text] of applyEdits(this.textOf, accepted)) {
        if (!this.original.has(file)) this.original.set(file, this.ports.read(file));
        this.current.set(file, text);
      }
    return progressed;
  }
  /** The result, with each file the accepted fixes changed. */
  finish() {
    for (const [file, after] of this.current) {
      const before = this.original.get(file);
      if (before !== after) this.result.changes.set(file, { before, after });
    }
    return this.result;
  }
};
function drop(result, ports, fix, reason) {
  result.dropped.push({ fix, reason });
  ports.debug(`Fix for ${fix.ruleId} (${fix.title}) dropped: ${reason}.`);
}
function proposals(analysis, rules, text, debug, facts, carried) {
  const out = [];
  const deferred = [];
  const seen = /* @__PURE__ */ new Set();
  const live = new Set(
    analysis.findings.filter((f) => !f.suppressed && rules.has(f.ruleId) && !carried.has(f.fingerprint)).map((f) => f.ruleId)
  );
  for (const finding of analysis.findings) {
    const rule = rules.get(finding.ruleId);
    if (!rule || finding.suppressed) continue;
    const context = { project: analysis.project, finding, text };
    const informed = (facts ? informedFixersOf(rule.id) : []).map((f) => ({
      safety: f.safety,
      waits: !!f.after?.some((id) => live.has(id)),
      fallback: !!f.fallback,
      make: () => f.make(context, facts)
    }));
    const own = rule.fix && !carried.has(finding.fingerprint) ? [{ safety: rule.fix.safety, waits: false, fallback: false, make: () => rule.fix.make(context) }] : [];
    const fixers = [...informed.filter((f) => !f.fallback), ...own, ...informed.filter((f) => f.fallback)];
    for (const fixer of fixers) {
      let proposal;
      try {
        proposal = fixer.make();
      } catch (error) {
        debug(`The fixer of ${rule.id} failed on ${finding.file}: ${error.message}`);
        continue;
      }
      if (!proposal || proposal.edits.length === 0) continue;
      if (fixer.waits) {
        deferred.push(finding);
        break;
      }
      const key = JSON.stringify(proposal.edits);
      if (!seen.has(key))
        out.push({ ruleId: rule.id, fingerprint: finding.fingerprint, safety: fixer.safety, ...proposal });
      seen.add(key);
      break;
    }
  }
  return { fixes: out, deferred };
}
function editWithin(e, w) {
  const before = (p, q) => p.line < q.line || p.line === q.line && p.column <= q.column;
  const same = (p, q) => p.line === q.line && p.column === q.column;
  return e.file === w.file && before(w.start, e.start) && before(e.end, w.end) && !(same(e.start, w.start) && same(e.end, w.end));
}
function rewrites(wide, narrow) {
  return narrow.edits.some((e) => wide.edits.some((w) => editWithin(e, w)));
}
function narrowFirst(fixes) {
  const inside = (f) => fixes.some((g) => g !== f && rewrites(g, f));
  return [...fixes.filter(inside), ...fixes.filter((f) => !inside(f))];
}
var where = (f) => `${f.ruleId}\0${f.file}`;
function proofFailure(before, after, fix) {
  const live = (fs) => fs.filter((f) => !f.suppressed);
  const count = (fs) => {
    const m = /* @__PURE__ */ new Map();
    for (const f of live(fs)) m.set(where(f), (m.get(where(f)) ?? 0) + 1);
    return m;
  };
  const target = live(before).find((f) => f.fingerprint === fix.fingerprint);
  const was = count(before);
  const now = count(after);
  if (live(after).some((f) => f.fingerprint === fix.fingerprint) || target && (now.get(where(target)) ?? 0) >= (was.get(where(target)) ?? 0))
    return "the finding is still reported after the fix";
  for (const [key, n] of now) {
    if (n > (was.get(key) ?? 0)) {
      const [ruleId, file] = key.split("\0");
      return `it adds a ${ruleId} finding in ${file}`;
    }
  }
  return void 0;
}

// src/fix/propose.ts
async function proposeFixes(root, analyze, knownSecret, debug, run = {}) {
  const read = (file) => readText(root, file);
  const informed = new Set(run.facts ? INFORMED_FIXERS.map((f) => f.ruleId) : []);
  const result = await runFixes(
    { analyze, read, debug },
    {
      rules: RULES.filter((r) => r.fix || informed.has(r.id)),
      ...run.facts ? { facts: run.facts } : {},
      ...run.findings ? { dynamicFindings: run.findings } : {}
    }
  );
  return publishedFixes(result, read, repositoryPrefix(root), knownSecret);
}

// src/review.ts
function reviewedRoot(request) {
  return scannedDirectory(request.base, request.directory, request.directoryOption, request.workspace);
}
async function runReview(request, ports) {
  const started = ports.now();
  const root = reviewedRoot(request);
  const redactor = ports.redactor ?? new Redactor();
  for (const secret of ports.secrets(root)) redactor.add(secret);
  const within = request.workspace ?? (request.configFile === void 0 ? root : null);
  const config = await loadConfig(root, request.configFile, within);
  const analyze = ports.analyze ?? analyzeStatic;
  const staticResult = await ports.log.stage("Static analysis", async () => {
    ports.log.configLoaded?.(root, config);
    const result = await analyze(root, config, request.discovery);
    ports.log.analysed?.(result, ports.now() - started);
    return result;
  });
  const smokeRequest = request.smoke;
  const dynamic = smokeRequest ? await ports.log.stage(
    "Smoke test",
    () => ports.smoke(staticResult.project, smokeOptions(smokeRequest), ports.log)
  ) : void 0;
  const { findings, smoke } = joinSmoke(staticResult, config, dynamic);
  const fixes = ports.fixes ? await ports.log.stage(
    "Fixes",
    () => fixesOf(
      root,
      (overlay) => analyze(root, config, request.discovery, overlay),
      redactor,
      ports,
      dynamic
    )
  ) : void 0;
  const verification = fixes && smokeRequest && smokeRequest.verifyFixes !== false && dynamic && dynamic.result.status !== "skipped" && fixes.changes.size > 0 ? await ports.log.stage(
    "Smoke test of the fixes",
    () => verifyFixes(root, fixes, (dir) => analyze(dir, config, request.discovery), smokeRequest, ports)
  ) : void 0;
  const report = makeReport({
    directory: reportDirectory(request.directory),
    findings,
    smoke,
    configFile: config.file,
    ...analysedScope(staticResult.project),
    failOn: request.failOn,
    durationMs: ports.now() - started
  });
  const published = fixes && { ...fixes.fixes, ...verification ? { verification } : {} };
  return redactor.redactValue(published ? { ...report, fixes: published } : report);
}
async function fixesOf(root, analyze, redactor, ports, dynamic) {
  try {
    const base = dynamic?.facts?.baseImage;
    if (base && !base.digest)
      ports.log.info(`The base image ${base.ref} has no registry digest (a local image): it is not pinned.`);
    const published = await proposeFixes(
      root,
      analyze,
      (t) => redactor.redact(t) !== t,
      (m) => ports.log.debug?.(m),
      dynamic ? { ...dynamic.facts ? { facts: dynamic.facts } : {}, findings: dynamic.findings } : {}
    );
    ports.fixes?.patch(published.patch);
    ports.log.info(
      `${published.fixes.applied.length} fix(es) proven, ${published.fixes.suggestions.length} as suggestions.`
    );
    return published;
  } catch (error) {
    ports.log.info(`Fixes not proposed: ${error.message}`);
    return void 0;
  }
}
async function verifyFixes(root, fixes, analyze, request, ports) {
  let scratch;
  try {
    scratch = makeScratch(root, ports.fixes?.maxScratchEntries);
    for (const [file, { after }] of fixes.changes) scratch.write(file, after);
    const { project } = await analyze(scratch.dir);
    const outcome = await ports.smoke(project, smokeOptions(request), ports.log);
    return outcome.result.status === "skipped" ? void 0 : verificationOf(outcome.result);
  } catch (error) {
    if (error instanceof ScratchTooLarge) ports.fixes?.notVerified?.(error.message);
    ports.log.info(`The fixes were not smoke-tested: ${error.message}`);
    return void 0;
  } finally {
    scratch?.dispose();
  }
}
function verificationOf(result) {
  const engines = {};
  for (const [engine, e] of Object.entries(result.engines))
    if (e) engines[engine] = { status: e.status, ...e.reason ? { reason: e.reason } : {} };
  return {
    ...result.build?.status === "failed" ? { buildFailed: result.build.detail ?? "the build failed" } : {},
    engines
  };
}
function smokeOptions(request) {
  return {
    postgresImage: request.postgresImage,
    ...request.port ? { port: request.port } : {},
    buildArgs: request.buildArgs,
    env: request.env,
    limits: request.limits,
    ...request.buildTimeoutMs ? { buildTimeoutMs: request.buildTimeoutMs } : {},
    ...request.postgresReadyTimeoutMs ? { postgresReadyTimeoutMs: request.postgresReadyTimeoutMs } : {}
  };
}
async function probeDocker(docker) {
  let probe;
  try {
    probe = await docker.exec(["version", "--format", "{{.Server.Version}}"], { timeoutMs: 3e4 });
  } catch (error) {
    return { unreachable: `Docker is not reachable (${error.message}).` };
  }
  if (probe.exitCode === 0) return { version: probe.stdout.trim() };
  const why = probe.stderr.trim().split("\n")[0] || `docker exited with ${probe.exitCode}`;
  return { unreachable: `Docker is not reachable (${why}).` };
}

// src/runner-secrets.ts
var import_node_fs4 = __toESM(require_node_fs(), 1);
var import_node_path7 = __toESM(require_node_path(), 1);
var MAX_CONFIG_BYTES2 = 256 * 1024;
var MAX_INCLUDE_DEPTH = 3;
var MAX_MODULE_DEPTH = 3;
var TOKEN_VARIABLES = /* @__PURE__ */ new Set(["GITHUB_TOKEN", "GH_TOKEN", "INPUT_GITHUB-TOKEN", "INPUT_GITHUB_TOKEN"]);
var ACTIONS_SECRET = /^ACTIONS_\w*(TOKEN|SECRET|KEY|PASSWORD)$/i;
var GITHUB_TOKEN_VALUE = /^(gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{20,})$/;
function environmentSecrets(env) {
  const out = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (TOKEN_VARIABLES.has(name.toUpperCase()) || ACTIONS_SECRET.test(name) || GITHUB_TOKEN_VALUE.test(value))
      out.push(value);
  }
  return out;
}
var decodeUriPart = (s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
function gitConfigCredentials(text) {
  const out = [];
  for (const m of text.matchAll(/^\s*extraheader\s*=\s*(.*)$/gim)) {
    const header = m[1].trim().replace(/^"(.*)"$/, "$1");
    out.push(header.replace(/^[\w-]+:\s*/, ""));
    const credential = /\b(?:basic|bearer|token)\s+(\S+)/i.exec(header)?.[1];
    if (!credential) continue;
    out.push(credential);
    if (/^basic\b/i.test(header.replace(/^[\w-]+:\s*/, ""))) {
      const decoded = Buffer.from(credential, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon >= 0) out.push(decoded, decoded.slice(colon + 1));
    }
  }
  for (const m of text.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/\s@"']+)@/gi)) {
    const userinfo = m[1];
    const colon = userinfo.indexOf(":");
    if (colon < 0) out.push(userinfo, decodeUriPart(userinfo));
    else out.push(userinfo.slice(colon + 1), decodeUriPart(userinfo.slice(colon + 1)));
  }
  return out.filter((s) => s.length > 0);
}
function readSmallFile(file) {
  let fd;
  try {
    fd = (0, import_node_fs4.openSync)(file, "r");
    if (!(0, import_node_fs4.fstatSync)(fd).isFile()) return void 0;
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES2);
    const n = (0, import_node_fs4.readSync)(fd, buffer, 0, MAX_CONFIG_BYTES2, 0);
    return buffer.subarray(0, n).toString("utf8");
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) (0, import_node_fs4.closeSync)(fd);
  }
}
function gitDirOf(dir) {
  const dotGit = (0, import_node_path7.join)(dir, ".git");
  try {
    const stat = (0, import_node_fs4.statSync)(dotGit, { throwIfNoEntry: false });
    if (!stat) return void 0;
    if (stat.isDirectory()) return dotGit;
  } catch {
    return void 0;
  }
  const pointer = /^gitdir:\s*(.+)$/m.exec(readSmallFile(dotGit) ?? "")?.[1]?.trim();
  return pointer ? (0, import_node_path7.resolve)(dir, pointer) : void 0;
}
function configTexts(file, home, depth = 0, seen = /* @__PURE__ */ new Set()) {
  if (depth > MAX_INCLUDE_DEPTH || seen.has(file)) return [];
  seen.add(file);
  const text = readSmallFile(file);
  if (text === void 0) return [];
  const out = [text];
  for (const m of text.matchAll(/^\s*path\s*=\s*(.+)$/gim)) {
    let target = m[1].trim().replace(/^"(.*)"$/, "$1");
    if (target.startsWith("~/") && home) target = (0, import_node_path7.join)(home, target.slice(2));
    if (!(0, import_node_path7.isAbsolute)(target)) target = (0, import_node_path7.resolve)((0, import_node_path7.dirname)(file), target);
    out.push(...configTexts(target, home, depth + 1, seen));
  }
  return out;
}
function configFilesOf(gitDir) {
  const files = [(0, import_node_path7.join)(gitDir, "config")];
  const common = readSmallFile((0, import_node_path7.join)(gitDir, "commondir"))?.trim();
  if (common) files.push((0, import_node_path7.join)((0, import_node_path7.resolve)(gitDir, common), "config"));
  const modules = (dir, depth) => {
    if (depth > MAX_MODULE_DEPTH || !(0, import_node_fs4.existsSync)(dir)) return;
    try {
      for (const e of (0, import_node_fs4.readdirSync)(dir, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        files.push((0, import_node_path7.join)(dir, e.name, "config"));
        modules((0, import_node_path7.join)(dir, e.name, "modules"), depth + 1);
        modules((0, import_node_path7.join)(dir, e.name), depth + 1);
      }
    } catch {
    }
  };
  modules((0, import_node_path7.join)(gitDir, "modules"), 0);
  return [...new Set(files)];
}
function checkoutCredentials(root, workspace, home) {
  const dirs = [(0, import_node_path7.resolve)(workspace)];
  const rel = (0, import_node_path7.relative)((0, import_node_path7.resolve)(workspace), (0, import_node_path7.resolve)(root));
  if (rel && !rel.startsWith("..") && !(0, import_node_path7.isAbsolute)(rel)) {
    let dir = (0, import_node_path7.resolve)(workspace);
    for (const part of rel.split(import_node_path7.sep)) dirs.push(dir = (0, import_node_path7.join)(dir, part));
  }
  const out = [];
  for (const dir of dirs) {
    const gitDir = gitDirOf(dir);
    if (!gitDir) continue;
    for (const file of configFilesOf(gitDir))
      for (const text of configTexts(file, home)) out.push(...gitConfigCredentials(text));
  }
  return out;
}
function runnerSecrets(input) {
  return [
    ...input.token ? [input.token] : [],
    ...environmentSecrets(input.env),
    ...checkoutCredentials(input.root, input.workspace, input.env.HOME)
  ];
}

export {
  oneOf,
  parseFailOn,
  parseFormat,
  parseBoolean,
  parsePort,
  parseSettingsModule,
  parseKeyValue,
  parseSmokeEnv,
  smokeEnvByEngine,
  DEFAULT_CONFIG_FILE2 as DEFAULT_CONFIG_FILE,
  loadConfig,
  scannedDirectory,
  analyzeStatic,
  readText,
  writeText,
  repositoryPrefix,
  patchOf,
  runFixes,
  runReview,
  probeDocker,
  runnerSecrets
};
