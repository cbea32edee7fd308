import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  escapeData,
  escapeProperty,
  inert
} from "./chunk-HDWVAUYN.js";
import {
  DEFAULT_CONFIG_FILE,
  ImageLayout,
  MAX_FILE_BYTES,
  OptionError,
  RULES,
  Redactor,
  SEVERITIES,
  UnsafePathError,
  appOfDockerfile,
  baseName,
  buildCommands,
  compareText,
  dirName,
  discover,
  djangoCommand,
  entryOf,
  findRule,
  inlineScript,
  insertLines,
  instructionsOf,
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
  linesOf,
  looksLikeCompose,
  makeInvocation,
  makeTargetScript,
  modelCompose,
  modelDockerfile,
  modelSettings,
  moduleFiles,
  normalizePackageName,
  normalizeRelative,
  parseComposeYaml,
  parseDockerignore,
  parseDotenv,
  parseShell,
  partsOfPlain,
  pipInstall,
  plainMessage,
  programArgv,
  pythonFileCredentials,
  readInsideSync,
  readRegularFileSync,
  relativeTo,
  replaceInLine,
  replaceLines,
  require_dist,
  require_node_fs,
  require_node_os,
  require_node_path,
  runtimeInsertionLine,
  secretsInEnvTemplate,
  sentFiles,
  serverOf,
  stamp,
  writeOwnFile
} from "./chunk-UZASYCIH.js";
import {
  __commonJS,
  __require,
  __toESM,
  require_node_crypto
} from "./chunk-SBUXF6WE.js";

// builtin-by-require:node:url
var require_node_url = __commonJS({
  "builtin-by-require:node:url"(exports, module) {
    module.exports = __require("node:url");
  }
});

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

// package.json
var package_default = { version: "0.1.0" };

// src/report/make.ts
var TOOL = { name: "twelve-factor-review", version: package_default.version };
function makeReport(input) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of input.findings) if (!f.suppressed) counts[f.severity]++;
  const threshold = input.failOn === "never" ? -1 : SEVERITIES.indexOf(input.failOn);
  const failing = SEVERITIES.some((s, i) => i <= threshold && counts[s] > 0);
  return {
    tool: TOOL,
    directory: input.directory,
    findings: input.findings,
    counts,
    smoke: input.smoke,
    configFile: input.configFile,
    ...input.apps ? { apps: input.apps } : {},
    ...input.skipped ? { skipped: input.skipped } : {},
    failOn: input.failOn,
    verdict: failing ? "fail" : "pass",
    durationMs: input.durationMs
  };
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
var NOT_AN_APP = /(^|\/)(nginx|traefik|caddy|httpd|haproxy|envoy|adminer|pgadmin4?|mailhog|mailpit|rabbitmq|memcached|elasticsearch|opensearch|minio|certbot|portainer|flower|selenium|localstack|mongo|kibana|grafana|prometheus|node|mysql|postgres|redis)(:|$)/i;
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
        for (const tag of build.tags) out.push({ repository: repositoryOf(tag), dockerfile, contextDir });
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
  const named = tags.filter((t) => !t.includes("$"));
  return named.length === 0 ? void 0 : { tags: named, ...file ? { file } : {}, context };
}
function repositoryOf(image) {
  const name = image.split("@")[0];
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  return colon > slash ? name.slice(0, colon) : name;
}
function imageOnlyApp(model, built, managePys) {
  const candidates = model.services.filter((s) => s.role === "other" && !s.build);
  for (const service of candidates) {
    const image = service.image;
    if (!image || image.interpolated) continue;
    const match = built.find((b) => b.repository === image.repository);
    if (match) return { service, built: match };
  }
  const mounting = candidates.filter(
    (s) => s.volumes.some(
      (v) => v.type === "bind" && v.source !== void 0 && managePys.some((m) => dirName(m) === v.source || v.source !== "." && isUnder(m, v.source))
    )
  );
  if (mounting.length === 1) return { service: mounting[0] };
  if (managePys.length !== 1) return void 0;
  const apps = candidates.filter((s) => !s.image || !NOT_AN_APP.test(s.image.repository));
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
    seeds.push(...this.dockerfiles(given, managePys, claimed));
    seeds.push(...this.bareProjects(seeds, managePys));
    if (given) seeds.sort((a, b) => Number(b.dockerfile === given) - Number(a.dockerfile === given));
    for (const seed of seeds) {
      if (seed.compose) continue;
      const dirs = [
        seed.managePy ? dirName(seed.managePy) : void 0,
        seed.dockerfile ? dirName(seed.dockerfile) : void 0,
        seed.contextDir
      ];
      seed.compose = composeSets.find((s) => s.model && !s.model.appService?.build && dirs.includes(s.dir));
    }
    return seeds;
  }
  /** Apps whose image a compose app service builds. */
  composeBuilds(composeSets, managePys, claimed) {
    const seeds = [];
    const seen = /* @__PURE__ */ new Set();
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
      if (!set.model.appService) {
        const found = imageOnlyApp(set.model, built, managePys);
        if (!found) continue;
        found.service.role = "app";
        set.model.appService = found.service;
        image = found.built;
      }
      const service = set.model.appService;
      if (service.build) continue;
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
  dockerfiles(given, managePys, claimed) {
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

// src/parse/requirements.ts
function parseRequirements(file, text) {
  const lines = [];
  const physical = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const first = i + 1;
    let logical = physical[i];
    while (/\\$/.test(logical) && i + 1 < physical.length) {
      logical = `${logical.slice(0, -1)} ${physical[++i]}`;
    }
    const text2 = stripComment(logical.replace(/\\$/, "")).trim();
    if (text2 === "") continue;
    lines.push({ line: first, text: text2, ...classify(text2) });
  }
  return { file, lines };
}
function stripComment(line) {
  return line.replace(/(^|\s)#.*$/, "");
}
function includedFile(line) {
  if (line.kind !== "include") return void 0;
  const m = /^(?:-r|--requirements?)(?:\s*=\s*|\s*)(\S+)/.exec(line.text);
  return m?.[1];
}
function classify(text) {
  if (/^(-r|--requirements?)(\s|=|(?=[^\s-]))/.test(text)) return { pinned: true, kind: "include" };
  if (/^(-e|--editable)(\s|=)/.test(text)) return { pinned: false, kind: "editable" };
  if (text.startsWith("-")) return { pinned: true, kind: "option" };
  const hashed = /(^|\s)--hash[=\s]/.test(text);
  const spec = text.split(/\s+--/)[0].trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || /^\S+\s*@\s*\S+:\/\//.test(spec)) {
    const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*@/.exec(spec)?.[1];
    const pinned = hashed || /#.*sha256=|@[0-9a-f]{40}\b/.test(spec);
    return { kind: "url", pinned, ...name ? { name } : {} };
  }
  if (/^(\.{0,2}\/|~\/)/.test(spec) || /\.(whl|tar\.gz|zip)$/.test(spec)) {
    return { kind: "path", pinned: hashed || /\.whl$/.test(spec) };
  }
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)/.exec(spec);
  if (!m) return { kind: "option", pinned: true };
  const versionSpec = m[3].trim();
  const exact = /^===?\s*[^,*\s]+$/.test(versionSpec) && !/^==\s*[^,]*\*/.test(versionSpec);
  return { kind: "package", name: m[1], pinned: hashed || exact };
}

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
    const header2 = /^\[([^\]]+)\]$/.exec(line);
    if (header2) {
      section = header2[1].trim();
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

// src/model/supervisor-config.ts
function supervisordRun(argv) {
  const words = argv[0] === "exec" ? argv.slice(1) : argv;
  if (!/(^|\/)supervisord$/.test(words[0] ?? "")) return void 0;
  for (let i = 1; i < words.length; i++) {
    if (words[i] === "-c" || words[i] === "--configuration") return { config: words[i + 1] };
    const m = /^(?:-c|--configuration=)(.+)$/.exec(words[i]);
    if (m) return { config: m[1] };
  }
  return {};
}
function supervisorPrograms(file, text) {
  const out = [];
  let program;
  let last;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s[;#].*$/, "");
    const header2 = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header2) {
      program = /^program:(.+)$/.exec(header2[1].trim())?.[1].trim();
      last = void 0;
      return;
    }
    if (last && /^\s+\S/.test(line) && !/^\s*[\w.-]+\s*[=:]/.test(line)) {
      last.command = `${last.command} ${line.trim()}`;
      last.argv = commandWords(last.command);
      return;
    }
    last = void 0;
    const m = /^\s*command\s*[=:]\s*(.*)$/.exec(line);
    if (!program || !m || m[1].trim() === "") return;
    last = { file, line: i + 1, name: program, command: m[1].trim(), argv: commandWords(m[1]) };
    out.push(last);
  });
  return out;
}
function commandWords(command) {
  return parseShell(command.trim()).commands[0]?.argv ?? [];
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
  return [cmd];
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
      if (isCoreFile(u.file) || isDockerignore(u.file) || named) {
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
    const dir = seed.managePy ? dirName(seed.managePy) : seed.contextDir ?? (seed.dockerfile ? dirName(seed.dockerfile) : ".");
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
      app.startPrograms = this.imageFiles.startPrograms(app, layout);
      const programs = this.imageFiles.supervisorPrograms(app, layout);
      if (programs.length > 0) app.supervisorPrograms = programs;
      app.serverConfigs = this.imageFiles.serverConfigs(app, layout);
      const target = app.dockerfile.targetStage;
      if (target && app.managePy && isUnder(app.managePy, app.context.dir)) {
        const landing = layout.landingOf(target, relativeTo(app.managePy, app.context.dir));
        if (landing) app.imageSourceDir = import_node_path4.posix.dirname(landing);
      }
    }
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
async function analyzeStatic(root, config, options = {}) {
  const tree = await discover(root, { exclude: config.exclude, ...options });
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

// src/report/json.ts
function renderJson(report) {
  return `${JSON.stringify(jsonReport(report), null, 2)}
`;
}
function jsonReport(report) {
  return {
    tool: { name: report.tool.name, version: report.tool.version },
    directory: report.directory,
    verdict: report.verdict,
    failOn: report.failOn,
    counts: {
      error: report.counts.error,
      warning: report.counts.warning,
      notice: report.counts.notice,
      suppressed: report.findings.filter((f) => f.suppressed).length
    },
    configFile: report.configFile ?? null,
    ...report.apps ? { apps: report.apps.map(jsonApp) } : {},
    ...report.skipped ? {
      skipped: report.skipped.map((s) => ({
        ...s.managePy ? { managePy: s.managePy } : {},
        ...s.dockerfile ? { dockerfile: s.dockerfile } : {},
        reason: s.reason
      }))
    } : {},
    durationMs: report.durationMs,
    findings: report.findings.map(jsonFinding),
    ...report.smoke ? { smoke: jsonSmoke(report.smoke) } : {},
    ...report.fixes ? { fixes: report.fixes } : {}
  };
}
function jsonApp(a) {
  return {
    dir: a.dir,
    dockerfile: a.dockerfile ?? null,
    composeFiles: a.composeFiles ?? [],
    settings: a.settings ?? null
  };
}
function jsonFinding(f) {
  return {
    ruleId: f.ruleId,
    name: f.name,
    factor: f.factor,
    severity: f.severity,
    kind: f.kind,
    file: f.file,
    line: f.line ?? null,
    ...f.endLine !== void 0 ? { endLine: f.endLine } : {},
    ...f.column !== void 0 ? { column: f.column } : {},
    message: f.message,
    // The message as parts (text, code, path, value), when the rule built it with them and they still spell it.
    ...f.parts && f.parts.length > 0 && plainMessage(f.parts) === f.message ? { parts: f.parts.map((p) => ({ kind: p.kind, text: p.text })) } : {},
    ...f.details !== void 0 ? { details: f.details } : {},
    related: [...f.related],
    fingerprint: f.fingerprint,
    ...f.suppressed ? {
      suppressed: {
        by: f.suppressed.by,
        ...f.suppressed.reason !== void 0 ? { reason: f.suppressed.reason } : {}
      }
    } : {}
  };
}
function jsonSmoke(s) {
  return {
    status: s.status,
    ...s.reason !== void 0 ? { reason: s.reason } : {},
    ...s.app !== void 0 ? { app: s.app } : {},
    durationMs: s.durationMs,
    ...s.build ? { build: jsonStep(s.build) } : {},
    engines: {
      ...s.engines.sqlite ? { sqlite: jsonEngine(s.engines.sqlite) } : {},
      ...s.engines.postgres ? { postgres: jsonEngine(s.engines.postgres) } : {}
    }
  };
}
function jsonEngine(e) {
  return {
    engine: e.engine,
    status: e.status,
    ...e.reason !== void 0 ? { reason: e.reason } : {},
    durationMs: e.durationMs,
    steps: e.steps.map(jsonStep)
  };
}
function jsonStep(s) {
  return {
    name: s.name,
    status: s.status,
    durationMs: s.durationMs,
    ...s.detail !== void 0 ? { detail: s.detail } : {},
    ...s.logTail !== void 0 ? { logTail: s.logTail } : {}
  };
}

// src/report/common.ts
var INFORMATION_URI = "https://github.com/twelve-factor-review/twelve-factor-review";
var FACTOR_NAMES = {
  "0": "Analysis",
  I: "I. Codebase",
  II: "II. Dependencies",
  III: "III. Config",
  IV: "IV. Backing services",
  V: "V. Build, release, run",
  VI: "VI. Processes",
  VII: "VII. Port binding",
  VIII: "VIII. Concurrency",
  IX: "IX. Disposability",
  X: "X. Dev/prod parity",
  XI: "XI. Logs",
  XII: "XII. Admin processes",
  XIII: "Production checks"
};
var FACTOR_ORDER = Object.keys(FACTOR_NAMES);
function ruleAnchor(rule) {
  return `${rule.id.toLowerCase()}-${rule.name}`;
}
function ruleHelpUri(rule, version) {
  return `${INFORMATION_URI}/blob/v${version}/docs/rules.md#${ruleAnchor(rule)}`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}
function countsPhrase(counts) {
  return [
    plural(counts.error, "error"),
    plural(counts.warning, "warning"),
    plural(counts.notice, "notice")
  ].join(", ");
}
function analysedLine(report, path, text) {
  const apps = (report.apps ?? []).map((a) => {
    const files = [a.dockerfile, ...a.composeFiles ?? [], a.settings].filter((f) => !!f);
    return (files.length > 0 ? files : [a.dir]).map(path).join(" + ");
  });
  const skipped = (report.skipped ?? []).map(
    (s) => `${path(s.managePy ?? s.dockerfile ?? "")} ${text(`(${s.reason})`)}`
  );
  const parts = [
    ...apps.length > 0 ? [`Analysed ${apps.join("; ")}`] : [],
    ...skipped.length > 0 ? [`skipped ${skipped.join(", ")}`] : []
  ];
  return parts.length > 0 ? parts.join(" \xB7 ") : void 0;
}

// src/report/escape.ts
var ZWJ = "\u200D";
var ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
var CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
var BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
function stripControl(text) {
  return text.replace(/\r\n?/g, "\n").replace(ANSI, "").replace(CONTROL, "").replace(BIDI, "");
}
function neutraliseMentions(text) {
  return text.replace(/@/g, `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`);
}
function escapeHtml(text) {
  return neutraliseMentions(stripControl(text).replace(/\s*\n\s*/g, " ")).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
var MARKDOWN_SPECIAL = /[\\`*_~[\]()|#!+\-={}.:]/g;
function escapeMarkdown(text) {
  return neutraliseMentions(stripControl(text).replace(/\s*\n\s*/g, " ")).replace(MARKDOWN_SPECIAL, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function fencedBlock(content, indent = "") {
  const body = stripControl(content).replace(/\n+$/, "");
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  const lines = [fence, ...body.split("\n"), fence];
  return lines.map((l) => l === "" ? "" : indent + l).join("\n");
}
function encodePath(path) {
  return path.split("/").map(
    (segment) => encodeURIComponent(segment).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
    )
  ).join("/");
}
function terminalLine(text) {
  return stripControl(text).replace(/\s*[\n\t]\s*/g, " ");
}
function defuseMarkers(text) {
  return text.replace(/<!--/g, "<!-\u200D-");
}
function codeBlock(text) {
  return defuseMarkers(fencedBlock(neutraliseMentions(text)));
}

// src/util/paths.ts
var import_node_path5 = __toESM(require_node_path(), 1);
function reportDirectory(directory) {
  return import_node_path5.posix.normalize(directory.replace(/\\/g, "/")).replace(/(.)\/+$/, "$1");
}
function repoPath(directory, file) {
  const dir = directory.replace(/\\/g, "/");
  if (dir === "" || import_node_path5.posix.isAbsolute(dir) || /^[A-Za-z]:\//.test(dir)) return file;
  const joined = import_node_path5.posix.normalize(import_node_path5.posix.join(dir, file));
  return joined.startsWith("../") ? file : joined;
}

// src/report/markdown-smoke.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);

// src/report/logs.ts
var TAIL_LINES = 25;
var TAIL_CHARS = 4e3;
var EXPLAIN_LINES = 8;
var EXCEPTION = /^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)\b(?::.*)?$/;
var TOOL_ERROR = /^(?:ERROR|error|Error|fatal|FATAL|CommandError):? |returned a non-zero code|did not complete successfully/;
var CHAINED = /^(?:The above exception was the direct cause|During handling of the above exception)/;
function explainingTail(log) {
  const lines = stripControl(log).replace(/\n+$/, "").split("\n");
  let tail = lines.slice(-TAIL_LINES);
  let cut = lines.length > tail.length;
  let text = tail.join("\n");
  if (text.length > TAIL_CHARS) {
    text = text.slice(-TAIL_CHARS);
    text = text.slice(text.indexOf("\n") + 1);
    tail = text.split("\n");
    cut = true;
  }
  const explaining = explainingLines(lines);
  const shownFrom = lines.length - tail.length;
  const first = explaining.length > 0 ? lines.indexOf(explaining[0]) : -1;
  const head = explaining.length > 0 && !(first >= shownFrom && first - shownFrom < 3) ? [...explaining, "", `[\u2026 the last ${tail.length} lines of the log:]`] : [];
  return [...head, ...cut && head.length === 0 ? ["[\u2026 earlier lines cut]"] : [], ...tail].join("\n");
}
function explainingLines(lines) {
  let last = -1;
  for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (EXCEPTION.test(lines[i].trim())) last = i;
  if (last < 0) {
    for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (TOOL_ERROR.test(lines[i].trim())) last = i;
    return last < 0 ? [] : [lines[last]];
  }
  const out = withContinuation(lines, last);
  const chain = lines.slice(0, last).findLastIndex((l) => CHAINED.test(l));
  if (chain > 0) {
    for (let i = chain - 1; i >= 0; i--) {
      if (EXCEPTION.test(lines[i].trim())) {
        out.push(`[caused by] ${lines[i]}`, ...withContinuation(lines, i).slice(1));
        break;
      }
    }
  }
  return out.slice(0, EXPLAIN_LINES);
}
function withContinuation(lines, at) {
  const out = [lines[at]];
  for (let i = at + 1; i < lines.length && out.length < 4 && /^\s+\S/.test(lines[i]); i++) out.push(lines[i]);
  return out;
}

// src/report/message.ts
function messageParts(f) {
  return f.parts && f.parts.length > 0 && plainMessage(f.parts) === f.message ? f.parts : partsOfPlain(f.message);
}
function partsMarkdown(parts) {
  return parts.map((p) => p.kind === "code" ? codeSpan(p.text) : escapeMarkdown(p.text)).join("");
}
function partsTerminal(parts, codeStyle) {
  return parts.map((p) => {
    const text = terminalLine(p.text);
    return p.kind === "code" && codeStyle ? codeStyle(text) : p.kind === "code" ? `\`${text}\`` : text;
  }).join("");
}
function codeSpan(text) {
  const body = stripControl(text).replace(/\s*\n\s*/g, " ").replace(/<!--/g, "<!-\u200D-");
  if (body.trim() === "") return "";
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[`\s]|[`\s]$/.test(body) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

// src/report/markdown-smoke.ts
var SEVERITY_ICON = { error: "\u274C", warning: "\u26A0\uFE0F", notice: "\u2139\uFE0F" };
var STATUS_ICON = {
  passed: "\u2705",
  warnings: "\u26A0\uFE0F",
  failed: "\u274C",
  skipped: "\u23ED\uFE0F"
};
var ENGINE_NAME = { sqlite: "SQLite", postgres: "PostgreSQL" };
var STEP_LABEL = {
  database: "database",
  migrate: "migrate",
  start: "start",
  http: "serve",
  stop: "stop",
  persist: "data survives",
  tables: "tables kept",
  "check-deploy": "check --deploy"
};
var SCORECARD_FACTORS = FACTOR_ORDER.filter((f) => f !== "0");
function anchorPrefix(directory) {
  const dir = directory.replace(/^(?:\.\/)+|\/+$/g, "");
  if (dir === "" || dir === ".") return "tfr-";
  const slug = dir.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  const hash = (0, import_node_crypto.createHash)("sha256").update(dir).digest("hex").slice(0, 6);
  return `tfr-${slug ? `${slug}-` : ""}${hash}-`;
}
function factorAnchor(factor, prefix) {
  return `${prefix}factor-${factor === "0" ? "analysis" : factor.toLowerCase()}`;
}
function severityCounts(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function countsShort(counts) {
  return ["error", "warning", "notice"].filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? "" : "s"}`).join(", ");
}
function scorecard(active, sections, prefix) {
  if (!active.some((f) => f.severity !== "notice")) {
    const notices = active.length ? ` (${countsShort(severityCounts(active))} below)` : "";
    return `\u2705 **All twelve factors and the production checks pass**${notices}`;
  }
  const factors = active.some((f) => f.factor === "0") ? ["0", ...SCORECARD_FACTORS] : SCORECARD_FACTORS;
  const rows = factors.map((factor) => {
    const counts = severityCounts(active.filter((f) => f.factor === factor));
    const icon = counts.error ? "\u274C" : counts.warning ? "\u26A0\uFE0F" : "\u2705";
    const name = sections.has(factor) ? `[${FACTOR_NAMES[factor]}](#${factorAnchor(factor, prefix)})` : FACTOR_NAMES[factor];
    return `| ${icon} | ${name} | ${countsShort(counts)} |`;
  });
  return ["| | Factor | Findings |", "|:-:|---|---|", ...rows].join("\n");
}
function smokeLogs(report) {
  const s = report.smoke;
  if (!s) return [];
  const prefix = anchorPrefix(report.directory);
  const logs = [];
  if (s.build?.logTail)
    logs.push({ anchor: `${prefix}log-build`, label: "the image build", text: s.build.logTail });
  for (const engine of [s.engines.sqlite, s.engines.postgres]) {
    for (const step of engine?.steps ?? []) {
      if (step.status === "failed" && step.logTail && !logs.some((l) => l.text === step.logTail)) {
        logs.push({
          anchor: `${prefix}log-${engine.engine}-${step.name.replace(/[^\w-]/g, "")}`,
          label: `${label(step.name)} (${ENGINE_NAME[engine.engine]})`,
          text: step.logTail
        });
      }
    }
  }
  return logs;
}
function smokeSection(report, withLogs) {
  const smoke = report.smoke;
  const app = smoke.app !== void 0 && smoke.app !== "." ? ` of ${escapeMarkdown(smoke.app)}` : "";
  let head = `**Smoke test${app}**: ${STATUS_ICON[smoke.status]} ${smoke.status} in ${seconds(smoke.durationMs)}`;
  if (smoke.reason && smoke.status !== "failed") head += `: ${prose(smoke.reason)}`;
  const logs = smokeLogs(report);
  const logOf = (text) => withLogs && text ? logs.find((l) => l.text === text) : void 0;
  const items = [];
  const shown = /* @__PURE__ */ new Set();
  if (smoke.build) {
    const b = smoke.build;
    let line = `- **Image build** ${STATUS_ICON[b.status]} ${seconds(b.durationMs)}`;
    if (b.status !== "passed" && b.detail) line += `: ${prose(b.detail)}`;
    const log = logOf(b.logTail);
    if (log) shown.add(log.anchor);
    items.push(withLog(line, log));
  }
  for (const engine of [smoke.engines.sqlite, smoke.engines.postgres]) {
    if (!engine) continue;
    let line = `- ${engineLine(engine)}`;
    const failed = engine.steps.find((s) => s.status === "failed");
    const why = engine.reason ?? failed?.detail;
    if (why && engine.status !== "passed") line += `: ${prose(why)}`;
    let item = line;
    for (const step of engine.steps) {
      const log = logOf(step.logTail);
      if (log && !shown.has(log.anchor)) {
        shown.add(log.anchor);
        item = withLog(item, log);
      }
    }
    items.push(item);
  }
  return [head, items.join("\n")].filter(Boolean).join("\n\n");
}
function engineLine(engine) {
  const steps = engine.steps.map(
    (s) => `${escapeMarkdown(label(s.name))} ${STATUS_ICON[s.status]}`
  );
  return [
    `**${ENGINE_NAME[engine.engine]}** ${STATUS_ICON[engine.status]}`,
    ...steps,
    seconds(engine.durationMs)
  ].join(" \xB7 ");
}
function label(step) {
  return STEP_LABEL[step] ?? step;
}
function prose(text) {
  return partsMarkdown(partsOfPlain(text));
}
function withLog(line, log) {
  return log ? `${line}
${logDetails(`Log of ${log.label}`, log.text, "  ", log.anchor)}` : line;
}
function logDetails(summary, log, indent = "", anchor) {
  const id = anchor ? `<a id="${anchor}"></a>` : "";
  return [
    `${indent}<details><summary>${id}${escapeHtml(summary)}</summary>`,
    "",
    fencedBlock(explainingTail(log), indent),
    "",
    `${indent}</details>`
  ].join("\n");
}

// src/report/markdown-fixes.ts
var fileName = (name) => /^[\w./:+-]+$/.test(name) ? codeSpan(name) : escapeMarkdown(name);
function languageBlock(language, text) {
  const block = fencedBlock(text);
  const fence = /^`+/.exec(block)[0];
  return defuseMarkers(`${fence}${language}${block.slice(fence.length)}`);
}
function fixesSection(fixes) {
  if (fixes.applied.length === 0) return void 0;
  const n = fixes.applied.length;
  const lines = [
    `<details><summary>\u{1F527} ${n} proven fix${n === 1 ? "" : "es"}: one patch to <code>git apply</code> at the repository root</summary>`,
    "",
    "Each fix was applied to a copy of the repository and the analysis run again: its finding is gone and no new one appears.",
    "",
    ...fixes.applied.map((f) => `- \`${f.ruleId}\` ${escapeMarkdown(f.title)}`)
  ];
  if (fixes.verification) lines.push("", verificationLine(fixes.verification));
  if (fixes.variables.length > 0)
    lines.push(
      "",
      `Set these variables where the app runs: ${fixes.variables.map((v) => escapeMarkdown(v)).join(", ")}.`
    );
  if (fixes.patch !== "") lines.push("", languageBlock("diff", fixes.patch));
  if (fixes.withheld.length > 0)
    lines.push(
      "",
      `Not shown, because the change takes a secret out of the file: ${fixes.withheld.map(fileName).join(", ")}. The action's \`patch-file\` output and \`twelve-factor-review fix --write\` have it.`
    );
  lines.push("", "</details>");
  return lines.join("\n");
}
var ENGINE_NAMES = { sqlite: "SQLite", postgres: "PostgreSQL" };
function verificationLine(verification) {
  if (verification.buildFailed)
    return `With these fixes: the image does not build (${escapeMarkdown(verification.buildFailed)}).`;
  const marks = [];
  const failures = [];
  for (const engine of ["sqlite", "postgres"]) {
    const e = verification.engines[engine];
    if (!e) continue;
    const ok = e.status === "passed" || e.status === "warnings";
    marks.push(`${ENGINE_NAMES[engine]} ${ok ? "\u2705" : e.status === "skipped" ? "\u23ED\uFE0F" : "\u274C"}`);
    if (!ok && e.reason) failures.push(`${ENGINE_NAMES[engine]}: ${escapeMarkdown(e.reason)}`);
  }
  const tail = failures.length > 0 ? ` Still failing: ${failures.join(" ")}` : "";
  return `With these fixes: ${marks.join(" ")}${tail}`;
}

// src/report/markdown.ts
var DEFAULT_MAX_CHARS = 65536;
var DEFAULT_HINT = "The full report is in the job summary of this run and in its JSON report.";
var FIX_FIRST = 3;
var BLOCKING_RULES = /* @__PURE__ */ new Set(["TF0502", "TF1001", "TF1002", "TF1201"]);
function renderMarkdown(report, options = {}) {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const maxBytes = options.maxBytes ?? Infinity;
  const fits = (text2) => text2.length <= maxChars && (text2.length * 3 <= maxBytes || Buffer.byteLength(text2) <= maxBytes);
  const total = report.findings.length;
  const tiers = [
    ...report.fixes?.applied.length ? [{ findingLogs: true, smokeLogs: true, shown: total, fixes: true }] : [],
    { findingLogs: true, smokeLogs: true, shown: total },
    { findingLogs: false, smokeLogs: true, shown: total },
    { findingLogs: false, smokeLogs: false, shown: total }
  ];
  for (const layout of tiers) {
    const text2 = assemble(report, options, layout);
    if (fits(text2)) return text2;
  }
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(assemble(report, options, { findingLogs: false, smokeLogs: false, shown: mid }))) lo = mid;
    else hi = mid - 1;
  }
  const text = assemble(report, options, { findingLogs: false, smokeLogs: false, shown: lo });
  if (fits(text)) return text;
  const bare = assemble(report, options, { findingLogs: false, smokeLogs: false, shown: 0, smoke: false });
  return fits(bare) ? bare : cutAtLine(bare, fits);
}
function assemble(report, options, layout) {
  const showSmoke = Boolean(report.smoke) && layout.smoke !== false;
  const ctx = {
    report,
    options,
    withLogs: layout.findingLogs,
    smokeLogs: showSmoke && layout.smokeLogs ? smokeLogs(report) : []
  };
  const unsuppressed = report.findings.filter((f) => !f.suppressed);
  const suppressed = report.findings.filter((f) => f.suppressed);
  const shownActive = layout.shown >= unsuppressed.length ? unsuppressed : mostSevere(unsuppressed, layout.shown);
  const shownSuppressed = suppressed.slice(0, Math.max(0, layout.shown - unsuppressed.length));
  const sections = new Set(shownActive.map((f) => f.factor));
  const blocks = [];
  if (options.marker) blocks.push(options.marker);
  blocks.push(header(report, layout.smoke !== false));
  if (layout.smoke !== false) blocks.push(scorecard(unsuppressed, sections, anchorPrefix(report.directory)));
  const truncated = !layout.findingLogs && report.findings.some((f) => f.details && !smokeLogOf(ctx, f)) ? ["log details of findings"] : [];
  if (report.smoke && !showSmoke) {
    truncated.push("smoke test results");
  } else if (report.smoke) {
    blocks.push(smokeSection(report, layout.smokeLogs));
    if (!layout.smokeLogs && smokeLogs(report).length > 0) truncated.push("smoke test logs");
  }
  if (report.fixes?.applied.length && !layout.fixes) truncated.push("the fixes' patch");
  if (layout.shown < report.findings.length) {
    truncated.unshift(`${layout.shown} of ${plural(report.findings.length, "finding")} shown`);
  }
  if (truncated.length > 0) {
    blocks.push(
      `> [!NOTE]
> This report was shortened to fit (${truncated.join("; ")}). ${options.fullReportHint ?? DEFAULT_HINT}`
    );
  }
  const first = fixFirst(shownActive);
  if (first.length > 0) {
    blocks.push(
      `#### Fix these first

${first.map((f, i) => `${i + 1}. ${findingLine(ctx, f)}`).join("\n")}`
    );
  }
  blocks.push(findingsSection(ctx, shownActive, unsuppressed.length));
  const fixes = layout.fixes && report.fixes ? fixesSection(report.fixes) : void 0;
  if (fixes) blocks.push(fixes);
  if (suppressed.length > 0) blocks.push(suppressedSection(ctx, shownSuppressed, suppressed.length));
  return `${blocks.join("\n\n")}
`;
}
var RANK = { error: 0, warning: 1, notice: 2 };
function mostSevere(findings, n) {
  const chosen = new Set(
    findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).slice(0, n).map((x) => x.f)
  );
  return findings.filter((f) => chosen.has(f));
}
function fixFirst(active) {
  const weight = (f) => BLOCKING_RULES.has(f.ruleId) ? 0 : f.kind === "D" ? 1 : 2;
  return active.filter((f) => f.severity === "error").map((f, i) => ({ f, i })).sort((a, b) => weight(a.f) - weight(b.f) || a.i - b.i).slice(0, FIX_FIRST).map((x) => x.f);
}
function header(report, withScope) {
  const verdict = report.verdict === "pass" ? "\u2705 Twelve-factor review: pass" : "\u274C Twelve-factor review: fail";
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  const parts = [
    `**${countsPhrase(report.counts)}**`,
    ...suppressed ? [`${suppressed} suppressed`] : [],
    `fails on ${report.failOn === "never" ? "nothing (fail-on: never)" : `${report.failOn} and above`}`
  ];
  const scanned = [`Scanned ${fileName2(report.directory)}`];
  if (report.configFile) scanned.push(`config ${fileName2(report.configFile)}`);
  scanned.push(`${seconds(report.durationMs)}`);
  const analysed = withScope && analysedLine(report, fileName2, escapeMarkdown);
  return `### ${verdict}

${parts.join(" \xB7 ")}\\
${scanned.join(" \xB7 ")}${analysed ? `\\
${analysed}` : ""}`;
}
function findingsSection(ctx, shown, total) {
  if (total === 0) return "No findings.";
  const out = ["#### Findings by factor"];
  for (const factor of FACTOR_ORDER) {
    const inFactor = shown.filter((f) => f.factor === factor).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    if (inFactor.length === 0) continue;
    out.push(factorSection(ctx, factor, inFactor));
  }
  if (shown.length < total) out.push(`\u2026 and ${plural(total - shown.length, "more finding")} not shown here.`);
  return out.join("\n\n");
}
function factorSection(ctx, factor, findings) {
  const counts = severityCounts(findings);
  const icon = counts.error ? SEVERITY_ICON.error : counts.warning ? SEVERITY_ICON.warning : SEVERITY_ICON.notice;
  const anchor = factorAnchor(factor, anchorPrefix(ctx.report.directory));
  const summary = `<a id="${anchor}"></a>${icon} <strong>${FACTOR_NAMES[factor]}</strong>: ${countsShort(counts)}`;
  return [
    `<details${counts.error ? " open" : ""}><summary>${summary}</summary>`,
    "",
    findings.map((f) => `- ${findingItem(ctx, f)}`).join("\n"),
    "",
    "</details>"
  ].join("\n");
}
function suppressedSection(ctx, shown, total) {
  const items = shown.map((f) => `- ${findingItem(ctx, f)}`);
  if (shown.length < total) items.push(`- \u2026 and ${plural(total - shown.length, "more suppressed finding")}`);
  return [
    `<details><summary>Suppressed (${total}): reported, never failing the check</summary>`,
    "",
    ...items,
    "",
    "</details>"
  ].join("\n");
}
function findingLine(ctx, f) {
  const help = ruleHelpUri({ id: f.ruleId, name: f.name }, ctx.report.tool.version);
  const rule = `[**${escapeMarkdown(f.ruleId)}**](${help} "${f.name.replace(/[^\w-]/g, "")}")`;
  const where2 = location(ctx, f);
  return `${SEVERITY_ICON[f.severity]} ${rule} ${where2}: ${partsMarkdown(messageParts(f))}`;
}
function findingItem(ctx, f) {
  let line = findingLine(ctx, f);
  if (f.suppressed) {
    line += ` _(suppressed by ${escapeMarkdown(f.suppressed.by)}${f.suppressed.reason ? `: ${escapeMarkdown(f.suppressed.reason)}` : ""})_`;
  }
  const log = smokeLogOf(ctx, f);
  if (log) line += ` ([log of ${log.label}](#${log.anchor}))`;
  else if (ctx.withLogs && f.details) line += `
${logDetails("Details", f.details, "  ")}`;
  return line;
}
function smokeLogOf(ctx, f) {
  return f.details ? ctx.smokeLogs.find((l) => l.text === f.details) : void 0;
}
function location({ report, options }, f) {
  if (f.file === ".") return "the whole project";
  const at = f.line === void 0 ? f.file : `${f.file}:${f.line}`;
  const text = fileName2(at);
  if (!options.repoUrl || !options.sha) return text;
  const path = encodePath(repoPath(report.directory, f.file));
  const anchor = f.line === void 0 ? "" : `#L${f.line}`;
  return `[${text}](${options.repoUrl.replace(/\/+$/, "")}/blob/${encodeURIComponent(options.sha)}/${path}${anchor})`;
}
function cutAtLine(text, fits) {
  const lines = text.split("\n");
  while (lines.length > 0 && !fits(`${lines.join("\n")}
`)) lines.pop();
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}
function fileName2(name) {
  return /^[\w./:+-]+$/.test(name) ? codeSpan(name) : escapeMarkdown(name);
}

// src/report/sarif.ts
var import_node_path6 = __toESM(require_node_path(), 1);
var import_node_url = __toESM(require_node_url(), 1);
var SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var LEVEL = {
  error: "error",
  warning: "warning",
  notice: "note"
};
var SARIF_LEVEL = (s) => LEVEL[s];
function renderSarif(report, rules) {
  return `${JSON.stringify(sarifLog(report, rules), null, 2)}
`;
}
function sarifLog(report, rules) {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const absolute = (0, import_node_path6.isAbsolute)(report.directory);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ruleDescriptor(rule, report.tool.version))
          }
        },
        ...absolute ? { originalUriBaseIds: { "%SRCROOT%": { uri: directoryUri(report.directory) } } } : {},
        columnKind: "utf16CodeUnits",
        results: report.findings.map((f) => result(report, f, index.get(f.ruleId)))
      }
    ]
  };
}
function ruleDescriptor(rule, version) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: firstParagraph(rule.help) || rule.title },
    helpUri: ruleHelpUri(rule, version),
    help: { text: plainText(rule.help), markdown: rule.help },
    defaultConfiguration: { level: SARIF_LEVEL(rule.severity) },
    properties: {
      tags: ["twelve-factor", FACTOR_NAMES[rule.factor], rule.kind === "S" ? "static" : "dynamic"],
      factor: rule.factor,
      related: [...rule.related]
    }
  };
}
function result(report, f, ruleIndex) {
  const uri = (0, import_node_path6.isAbsolute)(report.directory) ? f.file : repoPath(report.directory, f.file);
  const region = f.line === void 0 ? void 0 : {
    startLine: f.line,
    ...f.column !== void 0 ? { startColumn: f.column } : {},
    ...f.endLine !== void 0 && f.endLine >= f.line ? { endLine: f.endLine } : {}
  };
  return {
    ruleId: f.ruleId,
    ...ruleIndex !== void 0 ? { ruleIndex } : {},
    level: SARIF_LEVEL(f.severity),
    message: { text: f.message, markdown: partsMarkdown(messageParts(f)) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(uri), uriBaseId: "%SRCROOT%" },
          ...region ? { region } : {}
        }
      }
    ],
    partialFingerprints: { "twelveFactorFingerprint/v1": f.fingerprint },
    ...f.suppressed ? {
      suppressions: [
        {
          // Config-file suppressions live outside the analysed file.
          kind: f.suppressed.by === "config" ? "external" : "inSource",
          ...f.suppressed.reason ? { justification: f.suppressed.reason } : {}
        }
      ]
    } : {},
    // The log as the comment and the terminal show it: the lines that explain the failure, then the tail.
    properties: {
      name: f.name,
      factor: f.factor,
      ...f.details ? { details: explainingTail(f.details) } : {}
    }
  };
}
function directoryUri(dir) {
  const href = (0, import_node_url.pathToFileURL)(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}
function firstParagraph(markdown) {
  const para = markdown.trim().split(/\n\s*\n/)[0] ?? "";
  return plainText(para);
}
function plainText(markdown) {
  return markdown.replace(/^```[^\n]*\n/gm, "").replace(/^```\s*$/gm, "").replace(/`([^`\n]+)`/g, "$1").replace(/\*\*([^*\n]+)\*\*/g, "$1").replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, "$1 ($2)").trim();
}

// src/report/text.ts
var CODES = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24]
};
var SEVERITY_STYLE = { error: "red", warning: "yellow", notice: "cyan" };
var STATUS_STYLE = {
  passed: "green",
  warnings: "yellow",
  failed: "red",
  skipped: "dim"
};
function renderText(report, options) {
  const paint = (style, text) => options.color ? `\x1B[${CODES[style][0]}m${text}\x1B[${CODES[style][1]}m` : text;
  const out = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const f of report.findings) byFile.set(f.file, [...byFile.get(f.file) ?? [], f]);
  for (const [file, findings] of byFile) {
    out.push(paint("underline", terminalLine(file)));
    const positions = findings.map((f) => f.line === void 0 ? "-" : `${f.line}:${f.column ?? 1}`);
    const width = Math.max(...positions.map((p) => p.length));
    findings.forEach((f, i) => {
      const position = positions[i].padStart(width);
      const severity = f.severity.padEnd(7);
      const rule = `${f.ruleId} ${f.name}`;
      const message = options.color ? partsTerminal(messageParts(f), (c) => paint("cyan", c)) : terminalLine(f.message);
      if (f.suppressed) {
        const why = f.suppressed.reason ? `${f.suppressed.by}: ${terminalLine(f.suppressed.reason)}` : f.suppressed.by;
        out.push(paint("dim", `  ${position}  ${severity}  ${message}  ${rule}  (suppressed, ${why})`));
      } else {
        out.push(
          `  ${paint("dim", position)}  ${paint(SEVERITY_STYLE[f.severity], severity)}  ${message}  ${paint("dim", rule)}`
        );
        if (f.details) {
          const indent = " ".repeat(width + 4);
          for (const line of logLines(f.details)) out.push(paint("dim", `${indent}\u2502 ${line}`));
        }
      }
    });
    out.push("");
  }
  if (report.smoke) {
    const s = report.smoke;
    const app = s.app !== void 0 ? ` (app: ${terminalLine(s.app)})` : "";
    out.push(
      paint(
        "bold",
        `Smoke tests${app}: ${paint(STATUS_STYLE[s.status], s.status)} in ${seconds(s.durationMs)}`
      )
    );
    if (s.reason) out.push(`  ${terminalLine(s.reason)}`);
    const rows = [];
    if (s.build) rows.push(stepRow(s.build, ""));
    for (const engine of [s.engines.sqlite, s.engines.postgres]) {
      if (!engine) continue;
      rows.push(engineRow(engine));
      for (const step of engine.steps) rows.push(stepRow(step, "  "));
    }
    const w0 = Math.max(0, ...rows.map((r) => r[0].length));
    for (const [name, status, time, detail] of rows) {
      const cells = [
        name.padEnd(w0),
        paint(STATUS_STYLE[status], status.padEnd(8)),
        time.padStart(8),
        detail
      ];
      out.push(`  ${cells.join("  ").trimEnd()}`);
    }
    out.push("");
  }
  const analysed = analysedLine(report, terminalLine, terminalLine);
  if (analysed) out.push(paint("dim", analysed));
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  const total = report.counts.error + report.counts.warning + report.counts.notice;
  const mark = report.verdict === "pass" ? paint("green", "\u2714") : paint("red", "\u2716");
  const verdict = report.verdict === "pass" ? paint("green", "pass") : paint("red", paint("bold", "fail"));
  out.push(
    `${mark} ${plural(total, "problem")} (${countsPhrase(report.counts)})${suppressed ? `, ${suppressed} suppressed` : ""}: ${verdict} (fail-on: ${report.failOn})`
  );
  return `${out.join("\n")}
`;
}
function logLines(log) {
  return explainingTail(log).split("\n").map((l) => l.replace(/\t/g, "  "));
}
function stepRow(step, indent) {
  return [
    indent + terminalLine(step.name),
    step.status,
    seconds(step.durationMs),
    step.detail ? terminalLine(step.detail) : ""
  ];
}
function engineRow(engine) {
  return [
    engine.engine,
    engine.status,
    seconds(engine.durationMs),
    engine.reason ? terminalLine(engine.reason) : ""
  ];
}

// src/report/annotations.ts
var ANNOTATIONS_PER_LEVEL = 10;
var NOUN = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  notice: ["notice", "notices"]
};
function renderAnnotations(report, used = {}) {
  const taken = { error: report.verdict === "fail" ? 1 : 0, ...used };
  const room = (level) => Math.max(0, ANNOTATIONS_PER_LEVEL - (taken[level] ?? 0));
  const active = report.findings.filter((f) => !f.suppressed);
  const of = (level) => active.filter((f) => f.severity === level);
  const out = [];
  const overflow = [];
  for (const level of ["error", "warning"]) {
    const list = of(level);
    out.push(...list.slice(0, room(level)).map((f) => findingAnnotation(report, f)));
    if (list.length > room(level)) overflow.push(overflowNote(level, list.length - room(level)));
  }
  const notices = of("notice");
  const noteRoom = room("notice");
  overflow.splice(noteRoom);
  const noticeSlots = noteRoom - overflow.length;
  const noticesShown = notices.length <= noticeSlots ? notices.length : Math.max(0, noticeSlots - 1);
  out.push(...notices.slice(0, noticesShown).map((f) => findingAnnotation(report, f)));
  if (noticesShown < notices.length && overflow.length < noteRoom) {
    overflow.push(overflowNote("notice", notices.length - noticesShown));
  }
  return [...out, ...overflow];
}
function findingAnnotation(report, f) {
  const a = { level: f.severity, message: f.message, title: `${f.ruleId} ${f.name}` };
  if (f.file !== ".") a.file = repoPath(report.directory, f.file);
  if (f.line !== void 0 && a.file) {
    a.startLine = f.line;
    if (f.endLine !== void 0 && f.endLine >= f.line) a.endLine = f.endLine;
    if (f.column !== void 0) a.startColumn = f.column;
  }
  return a;
}
function overflowNote(level, more) {
  const noun = NOUN[level][more === 1 ? 0 : 1];
  return {
    level: "notice",
    message: `and ${more} more ${noun}: see the job summary`,
    title: `${more} more ${noun} not annotated`
  };
}

// src/report/workflow-commands.ts
function annotationCommand(a, level = a.level) {
  const properties = [
    ["file", a.file],
    ["line", a.startLine],
    ["endLine", a.endLine],
    ["col", a.startColumn],
    ["title", a.title]
  ];
  const props = properties.filter(([, v]) => v !== void 0).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${level}${props ? ` ${props}` : ""}::${escapeData(a.message)}`;
}
function renderGithub(report) {
  const lines = report.findings.filter((f) => !f.suppressed).map((f) => annotationCommand(findingAnnotation(report, f)));
  const total = report.counts.error + report.counts.warning + report.counts.notice;
  lines.push(
    inert(
      `twelve-factor-review ${report.directory}: ${plural(total, "problem")} (${countsPhrase(report.counts)}): ${report.verdict} (fail-on: ${report.failOn})`
    )
  );
  return `${lines.join("\n")}
`;
}

// src/fix/files.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_os = __toESM(require_node_os(), 1);
var import_node_path7 = __toESM(require_node_path(), 1);
var MAX_FIX_BYTES = 1024 * 1024;
function readText(root, file) {
  try {
    return readInsideSync(root, file, { maxBytes: MAX_FIX_BYTES }).toString("utf8");
  } catch {
    return void 0;
  }
}
function writeText(root, file, text) {
  writeOwnFile((0, import_node_path7.join)(root, file), text, [root]);
}
var MAX_SCRATCH_ENTRIES = 2e4;
var ScratchTooLarge = class extends Error {
  name = "ScratchTooLarge";
};
function makeScratch(root, maxEntries = MAX_SCRATCH_ENTRIES) {
  const base = (0, import_node_fs2.mkdtempSync)((0, import_node_path7.join)((0, import_node_os.tmpdir)(), "tfr-fix-"));
  const dir = (0, import_node_path7.join)(base, "tree");
  let entries = 0;
  try {
    copyTree(root, dir, () => {
      if (++entries > maxEntries)
        throw new ScratchTooLarge(
          `the project holds more than ${maxEntries} files and directories outside .git, more than the scratch copy that proves each fix takes`
        );
    });
  } catch (error) {
    (0, import_node_fs2.rmSync)(base, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    write(file, text) {
      if (text === void 0) (0, import_node_fs2.rmSync)((0, import_node_path7.join)(dir, file), { force: true });
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
      const target = (0, import_node_path7.join)(dir, (0, import_node_path7.relative)(root, source));
      (0, import_node_fs2.mkdirSync)((0, import_node_path7.dirname)(target), { recursive: true });
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

// src/fix/informed/pins.ts
var REQUIREMENT_LINE = /^(\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\s*\[[^\]]*\])?)([^;#]*?)(\s*(?:;[^#]*?)?\s*(?:#.*)?)$/;
function pinInstalledVersions(context, facts) {
  const installed = facts.installed;
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!installed || !lines || finding.line === void 0) return void 0;
  for (const app of context.project.apps) {
    const req = app.requirements.find((r) => r.file === finding.file);
    const line = req?.lines.find((l) => l.line === finding.line && l.kind === "package" && !l.pinned);
    if (line?.name) return pinRequirementLine(finding.file, finding.line, lines, line.name, installed);
    const df = app.dockerfile;
    if (df?.file === finding.file) return pinPipInstall(context, finding.line, lines, installed);
  }
  return void 0;
}
function pinRequirementLine(file, n, lines, name, installed) {
  const version = installed[normalizePackageName(name)];
  const text = lines[n - 1] ?? "";
  const m = REQUIREMENT_LINE.exec(text);
  if (!version || !m || /\\\s*$/.test(text) || /\s--/.test(m[2])) return void 0;
  const from = m[1].length + 1;
  const to = from + m[2].length;
  const space = m[3].startsWith(";") ? " " : "";
  return {
    title: `${name}==${version}, the version installed in the image`,
    edits: [replaceInLine(file, n, from, to, `==${version}${space}`)]
  };
}
function pinPipInstall(context, at, lines, installed) {
  const file = context.finding.file;
  const df = context.project.apps.find((a) => a.dockerfile?.file === file)?.dockerfile;
  const instruction = df?.stages.flatMap((s) => s.instructions).find((i) => i.keyword === "RUN" && i.line <= at && at <= i.endLine);
  if (!df || !instruction) return void 0;
  const specs = buildCommands(df.builtStages).filter((c) => c.line === at).flatMap((c) => {
    const pip = pipInstall(c.argv);
    if (!pip || pip.constrained) return [];
    const loose = pip.byName.filter((r) => !r.pinned).map((r) => ({ spec: r.spec, name: r.name }));
    return loose.length > 0 ? loose : pip.unpinnedTooling.map((spec) => ({ spec, name: bareName(spec) }));
  });
  if (specs.length === 0) return void 0;
  const edits = [];
  const pins = [];
  for (const { spec, name } of specs) {
    const version = installed[normalizePackageName(name)];
    const where2 = version ? wordAt(lines, spec, instruction.line, instruction.endLine) : void 0;
    if (!where2) return void 0;
    const extras = /^[A-Za-z0-9._-]+(\[[^\]]*\])?/.exec(spec)?.[1] ?? "";
    const pinned = `${name}${extras}==${version}`;
    edits.push(replaceInLine(file, where2.line, where2.column, where2.column + spec.length, pinned));
    pins.push(pinned);
  }
  return { title: `${pins.join(", ")}: the versions installed in the image`, edits };
}
var bareName = (spec) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0] ?? spec;
function wordAt(lines, word, first, last) {
  const found = [];
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(^|[\\s"'])${escaped}(?=$|[\\s"';&|])`, "g");
  let installed = false;
  for (let n = first; n <= Math.min(last, lines.length); n++) {
    let text = lines[n - 1];
    let offset = 0;
    if (!installed) {
      const at = /(^|\s)install(?=\s|$)/.exec(text);
      if (!at) continue;
      installed = true;
      offset = at.index + at[0].length;
      text = text.slice(offset);
    }
    for (const m of text.matchAll(pattern))
      found.push({ line: n, column: offset + m.index + m[1].length + 1 });
  }
  return found.length === 1 ? found[0] : void 0;
}
function pinBaseDigest(context, facts) {
  const base = facts.baseImage;
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!base?.digest || !lines || finding.line === void 0) return void 0;
  for (const app of context.project.apps) {
    const df = app.dockerfile;
    const stage = df?.file === finding.file ? df.stages.find((s) => s.from.line === finding.line) : void 0;
    const from = stage?.from;
    if (!df || !from?.image || from.image !== base.ref || from.digest) continue;
    const arg = df.globalArgs.find((a) => a.default === from.image && from.raw.includes(a.name));
    const line = arg ? arg.line : from.line;
    const text = lines[line - 1] ?? "";
    const start = arg ? text.indexOf(`=${from.image}`) + 1 : text.indexOf(from.image, text.search(/\s/));
    if (start <= 0 || text.indexOf(from.image, start + 1) >= 0) return void 0;
    const end = start + from.image.length;
    return {
      title: `${from.image} pinned to the digest the build resolved (${base.digest.slice(0, 19)}\u2026)`,
      edits: [replaceInLine(finding.file, line, end + 1, end + 1, `@${base.digest}`)]
    };
  }
  return void 0;
}

// src/fix/informed/runtime.ts
function exposeSeenPort(context, facts) {
  const found = appOfDockerfile(context);
  if (facts.port === void 0 || !found || found.stage.exposes.length > 0) return void 0;
  const { dockerfile, stage } = found;
  return {
    title: `EXPOSE ${facts.port}, the port the server listened on`,
    edits: [insertLines(dockerfile.file, runtimeInsertionLine(stage), [`EXPOSE ${facts.port}`])]
  };
}
function exposeListenedPort(context, facts) {
  const found = appOfDockerfile(context);
  if (facts.port === void 0 || !found) return void 0;
  const { dockerfile, stage } = found;
  const only = stage.exposes.length === 1 ? stage.exposes[0] : void 0;
  if (!only || only.line !== context.finding.line || only.ports.length !== 1) return void 0;
  if (only.ports[0].port === facts.port || only.line !== only.endLine) return void 0;
  const protocol = only.ports[0].protocol === "udp" ? "/udp" : "";
  if (protocol) return void 0;
  return {
    title: `EXPOSE ${facts.port}, the port the server listened on`,
    edits: [replaceLines(dockerfile.file, only.line, only.line, [`EXPOSE ${facts.port}`])]
  };
}
function volumeForSqlite(context, facts) {
  const dir = facts.sqliteDir;
  const app = context.project.apps.find((a) => a.dockerfile?.targetStage);
  const dockerfile = app?.dockerfile;
  const stage = dockerfile?.targetStage;
  if (!dir || dir === "/" || !dockerfile || !stage || !/^\/[\w./@+-]*$/.test(dir)) return void 0;
  const inside = (a, b) => a === b || a.startsWith(`${b}/`);
  if (stage.volumes.some((v) => v.paths.some((p) => inside(dir, p)))) return void 0;
  if (inside(stage.workdir || "/", dir) || app.imageSourceDir && inside(app.imageSourceDir, dir))
    return void 0;
  const user = stage.user?.user;
  const userInstruction = instructionsOf(stage, "USER").find((i) => i.line === stage.user?.line);
  const nonRoot = user !== void 0 && !/^(root|0)(:.*)?$/.test(user) && /^[\w.:-]+$/.test(user);
  const firstUser = instructionsOf(stage, "USER")[0];
  const before = nonRoot && firstUser && userInstruction ? firstUser.line : runtimeInsertionLine(stage);
  const lines = [...nonRoot ? [`RUN mkdir -p ${dir} && chown ${user} ${dir}`] : [], `VOLUME ${dir}`];
  return {
    title: `VOLUME ${dir}, where SQLite wrote the database${nonRoot ? `, owned by ${user}` : ""}`,
    edits: [insertLines(dockerfile.file, before, lines)]
  };
}

// src/fix/informed/index.ts
var INFORMED_FIXERS = [
  {
    ruleId: "TF0202",
    safety: "safe",
    summary: "Pins each unpinned requirement (a requirements line, or a name in `pip install`) to the version pip installed in the built image.",
    make: pinInstalledVersions
  },
  {
    ruleId: "TF0201",
    safety: "safe",
    summary: "Pins the FROM image to the digest the build resolved (only for an image pulled from a registry: a local image has none, and nothing is pinned).",
    make: pinBaseDigest
  },
  {
    ruleId: "TF0701",
    safety: "safe",
    summary: "Adds `EXPOSE` with the port the server was seen listening on.",
    make: exposeSeenPort
  },
  {
    ruleId: "TF0704",
    safety: "safe",
    summary: "Sets `EXPOSE` to the port the server was seen listening on.",
    make: exposeListenedPort
  },
  {
    ruleId: "TF0602",
    safety: "safe",
    summary: "Adds a `VOLUME` at the directory SQLite was seen writing (made and given to the non-root USER first).",
    make: (context, facts) => context.finding.message.includes("SQLite") ? volumeForSqlite(context, facts) : void 0,
    after: ["TF1301"],
    fallback: true
  },
  {
    ruleId: "TF0604",
    safety: "safe",
    summary: "Adds a `VOLUME` at the directory SQLite was seen writing (made and given to the non-root USER first).",
    make: volumeForSqlite,
    after: ["TF1301"]
  }
];
function informedFixersOf(ruleId) {
  return INFORMED_FIXERS.filter((f) => f.ruleId === ruleId);
}

// src/fix/patch.ts
var import_node_fs3 = __toESM(require_node_fs(), 1);
var import_node_path8 = __toESM(require_node_path(), 1);

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
  for (let d = dir; ; d = (0, import_node_path8.dirname)(d)) {
    if ((0, import_node_fs3.existsSync)((0, import_node_path8.join)(d, ".git"))) return d;
    if ((0, import_node_path8.dirname)(d) === d) return void 0;
  }
}
function repositoryPrefix(dir) {
  const top = repositoryRoot(dir);
  const rel = top === void 0 ? "" : (0, import_node_path8.relative)(top, dir).split(import_node_path8.sep).join("/");
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
function publishedFixes(result2, read, prefix, knownSecret) {
  const secrets = result2.applied.flatMap((f) => f.secrets ?? []).filter((s) => s.trim() !== "");
  const holdsSecret = (text) => secrets.some((s) => text.includes(s)) || knownSecret(text);
  const shown = /* @__PURE__ */ new Map();
  const withheld = [];
  for (const [file, change] of [...result2.changes].sort(([a], [b]) => a.localeCompare(b))) {
    if (holdsSecret(unifiedDiff(`${prefix}${file}`, change.before, change.after))) withheld.push(file);
    else shown.set(file, change);
  }
  const suggestions = [...result2.provenAlone, ...result2.suggestions].map((fix) => suggestionOf(fix, read)).filter((s) => s !== void 0 && !holdsSecret(s.lines.join("\n")));
  return {
    fixes: {
      patch: patchOf(shown, prefix),
      withheld,
      applied: result2.applied.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint, title: f.title })),
      variables: [...new Set(result2.applied.flatMap((f) => f.variables ?? []))].sort(),
      suggestions
    },
    patch: patchOf(result2.changes, prefix),
    changes: result2.changes
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
  const fixable = (r) => !!r.fix || !!options.facts && informedFixersOf(r.id).length > 0;
  const byId = new Map(options.rules.filter(fixable).map((r) => [r.id, r]));
  const current = /* @__PURE__ */ new Map();
  const original = /* @__PURE__ */ new Map();
  const textOf = (file) => current.has(file) ? current.get(file) : ports.read(file);
  const result2 = {
    changes: /* @__PURE__ */ new Map(),
    applied: [],
    provenAlone: [],
    suggestions: [],
    dropped: []
  };
  const scratch = ports.scratch();
  const deferredFindings = /* @__PURE__ */ new Map();
  const provedAlone = async (fix, accepted, before) => {
    const files = new Set([...accepted, ...fix.edits].map((e) => e.file));
    let alone;
    try {
      alone = applyEdits(ports.read, fix.edits);
    } catch {
      return false;
    }
    for (const file of files) scratch.write(file, alone.has(file) ? alone.get(file) : ports.read(file));
    const after = await ports.analyze(scratch.dir);
    const kept = applyEdits(ports.read, accepted);
    for (const file of files) scratch.write(file, kept.has(file) ? kept.get(file) : ports.read(file));
    return proofFailure(before, after.findings, fix) === void 0;
  };
  try {
    for (let round = 0; round < (options.maxRounds ?? 6); round++) {
      let baseline = await ports.analyze(scratch.dir);
      const start = baseline;
      const known = new Set(baseline.findings.map((f) => f.fingerprint));
      const carried = [...options.dynamicFindings ?? [], ...deferredFindings.values()].filter(
        (f) => !known.has(f.fingerprint)
      );
      const { fixes: proposed, deferred } = proposals(
        { project: baseline.project, findings: [...baseline.findings, ...carried] },
        byId,
        textOf,
        ports.debug,
        options.facts,
        new Set(carried.map((f) => f.fingerprint))
      );
      const candidates = narrowFirst(proposed);
      deferredFindings.clear();
      for (const f of deferred) deferredFindings.set(f.fingerprint, f);
      const accepted = [];
      const roundTexts = (file) => textOf(file);
      const snapshot = /* @__PURE__ */ new Map();
      let progressed = false;
      const waiting = [];
      for (const fix of candidates) {
        if (fix.safety === "suggest" && round > 0) continue;
        const overlaps = editsOverlap(accepted, fix.edits);
        if (overlaps || fix.safety === "safe" && waiting.some((w) => rewrites(fix, w))) {
          if (fix.safety === "safe") waiting.push(fix);
          if (round === 0 && fix.safety === "safe" && await provedAlone(fix, accepted, start.findings))
            result2.provenAlone.push(fix);
          continue;
        }
        const edits = fix.safety === "safe" ? [...accepted, ...fix.edits] : fix.edits;
        let next;
        try {
          next = applyEdits(roundTexts, edits);
        } catch (error) {
          if (!(error instanceof EditConflict)) throw error;
          drop(result2, ports, fix, "its edits overlap");
          continue;
        }
        for (const file of next.keys()) if (!snapshot.has(file)) snapshot.set(file, roundTexts(file));
        for (const [file, text] of next) scratch.write(file, text);
        const after = await ports.analyze(scratch.dir);
        const why = proofFailure(baseline.findings, after.findings, fix);
        if (why || fix.safety === "suggest") {
          const kept = applyEdits(roundTexts, accepted);
          for (const file of next.keys()) scratch.write(file, kept.get(file) ?? snapshot.get(file));
          if (why) drop(result2, ports, fix, why);
          else if (!result2.suggestions.some((s) => s.fingerprint === fix.fingerprint))
            result2.suggestions.push(fix);
          continue;
        }
        accepted.push(...fix.edits);
        result2.applied.push(fix);
        if (round === 0) result2.provenAlone.push(fix);
        baseline = after;
        progressed = true;
      }
      if (!progressed) break;
      for (const [file, text] of applyEdits(roundTexts, accepted)) {
        if (!original.has(file)) original.set(file, ports.read(file));
        current.set(file, text);
      }
    }
  } finally {
    scratch.dispose();
  }
  for (const [file, after] of current) {
    const before = original.get(file);
    if (before !== after) result2.changes.set(file, { before, after });
  }
  return result2;
}
function drop(result2, ports, fix, reason) {
  result2.dropped.push({ fix, reason });
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
    const context = { project: analysis.project, finding, text, ...facts ? { facts } : {} };
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
async function proposeFixes(root, analyze, knownSecret, debug, maxScratchEntries, run = {}) {
  const read = (file) => readText(root, file);
  const informed = new Set(run.facts ? INFORMED_FIXERS.map((f) => f.ruleId) : []);
  const result2 = await runFixes(
    { analyze, read, scratch: () => makeScratch(root, maxScratchEntries), debug },
    {
      rules: RULES.filter((r) => r.fix || informed.has(r.id)),
      ...run.facts ? { facts: run.facts } : {},
      ...run.findings ? { dynamicFindings: run.findings } : {}
    }
  );
  return publishedFixes(result2, read, repositoryPrefix(root), knownSecret);
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
    const result2 = await analyze(root, config, request.discovery);
    ports.log.analysed?.(result2, ports.now() - started);
    return result2;
  });
  const smokeRequest = request.smoke;
  const dynamic = smokeRequest ? await ports.log.stage(
    "Smoke test",
    () => ports.smoke(staticResult.project, smokeOptions(smokeRequest), ports.log)
  ) : void 0;
  const { findings, smoke } = joinSmoke(staticResult, config, dynamic);
  const fixes = ports.fixes ? await ports.log.stage(
    "Fixes",
    () => fixesOf(root, (dir) => analyze(dir, config, request.discovery), redactor, ports, dynamic)
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
      ports.fixes?.maxScratchEntries,
      dynamic ? { ...dynamic.facts ? { facts: dynamic.facts } : {}, findings: dynamic.findings } : {}
    );
    ports.fixes?.patch(published.patch);
    ports.log.info(
      `${published.fixes.applied.length} fix(es) proven, ${published.fixes.suggestions.length} as suggestions.`
    );
    return published;
  } catch (error) {
    if (error instanceof ScratchTooLarge) ports.fixes?.notOffered?.(error.message);
    ports.log.info(`Fixes not proposed: ${error.message}`);
    return void 0;
  }
}
async function verifyFixes(root, fixes, analyze, request, ports) {
  const scratch = makeScratch(root, ports.fixes?.maxScratchEntries);
  try {
    for (const [file, { after }] of fixes.changes) scratch.write(file, after);
    const { project } = await analyze(scratch.dir);
    const outcome = await ports.smoke(project, smokeOptions(request), ports.log);
    return outcome.result.status === "skipped" ? void 0 : verificationOf(outcome.result);
  } catch (error) {
    ports.log.info(`The fixes were not smoke-tested: ${error.message}`);
    return void 0;
  } finally {
    scratch.dispose();
  }
}
function verificationOf(result2) {
  const engines = {};
  for (const [engine, e] of Object.entries(result2.engines))
    if (e) engines[engine] = { status: e.status, ...e.reason ? { reason: e.reason } : {} };
  return {
    ...result2.build?.status === "failed" ? { buildFailed: result2.build.detail ?? "the build failed" } : {},
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
var import_node_path9 = __toESM(require_node_path(), 1);
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
    const header2 = m[1].trim().replace(/^"(.*)"$/, "$1");
    out.push(header2.replace(/^[\w-]+:\s*/, ""));
    const credential = /\b(?:basic|bearer|token)\s+(\S+)/i.exec(header2)?.[1];
    if (!credential) continue;
    out.push(credential);
    if (/^basic\b/i.test(header2.replace(/^[\w-]+:\s*/, ""))) {
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
  const dotGit = (0, import_node_path9.join)(dir, ".git");
  try {
    const stat = (0, import_node_fs4.statSync)(dotGit, { throwIfNoEntry: false });
    if (!stat) return void 0;
    if (stat.isDirectory()) return dotGit;
  } catch {
    return void 0;
  }
  const pointer = /^gitdir:\s*(.+)$/m.exec(readSmallFile(dotGit) ?? "")?.[1]?.trim();
  return pointer ? (0, import_node_path9.resolve)(dir, pointer) : void 0;
}
function configTexts(file, home, depth = 0, seen = /* @__PURE__ */ new Set()) {
  if (depth > MAX_INCLUDE_DEPTH || seen.has(file)) return [];
  seen.add(file);
  const text = readSmallFile(file);
  if (text === void 0) return [];
  const out = [text];
  for (const m of text.matchAll(/^\s*path\s*=\s*(.+)$/gim)) {
    let target = m[1].trim().replace(/^"(.*)"$/, "$1");
    if (target.startsWith("~/") && home) target = (0, import_node_path9.join)(home, target.slice(2));
    if (!(0, import_node_path9.isAbsolute)(target)) target = (0, import_node_path9.resolve)((0, import_node_path9.dirname)(file), target);
    out.push(...configTexts(target, home, depth + 1, seen));
  }
  return out;
}
function configFilesOf(gitDir) {
  const files = [(0, import_node_path9.join)(gitDir, "config")];
  const common = readSmallFile((0, import_node_path9.join)(gitDir, "commondir"))?.trim();
  if (common) files.push((0, import_node_path9.join)((0, import_node_path9.resolve)(gitDir, common), "config"));
  const modules = (dir, depth) => {
    if (depth > MAX_MODULE_DEPTH || !(0, import_node_fs4.existsSync)(dir)) return;
    try {
      for (const e of (0, import_node_fs4.readdirSync)(dir, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        files.push((0, import_node_path9.join)(dir, e.name, "config"));
        modules((0, import_node_path9.join)(dir, e.name, "modules"), depth + 1);
        modules((0, import_node_path9.join)(dir, e.name), depth + 1);
      }
    } catch {
    }
  };
  modules((0, import_node_path9.join)(gitDir, "modules"), 0);
  return [...new Set(files)];
}
function checkoutCredentials(root, workspace, home) {
  const dirs = [(0, import_node_path9.resolve)(workspace)];
  const rel = (0, import_node_path9.relative)((0, import_node_path9.resolve)(workspace), (0, import_node_path9.resolve)(root));
  if (rel && !rel.startsWith("..") && !(0, import_node_path9.isAbsolute)(rel)) {
    let dir = (0, import_node_path9.resolve)(workspace);
    for (const part of rel.split(import_node_path9.sep)) dirs.push(dir = (0, import_node_path9.join)(dir, part));
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
  TOOL,
  makeReport,
  analyzeStatic,
  INFORMED_FIXERS,
  reportDirectory,
  repoPath,
  renderAnnotations,
  ruleHelpUri,
  plural,
  renderJson,
  jsonReport,
  escapeMarkdown,
  terminalLine,
  defuseMarkers,
  codeBlock,
  messageParts,
  partsMarkdown,
  renderMarkdown,
  require_node_url,
  SARIF_SCHEMA_URI,
  renderSarif,
  sarifLog,
  renderText,
  renderGithub,
  readText,
  writeText,
  ScratchTooLarge,
  makeScratch,
  repositoryPrefix,
  patchOf,
  runFixes,
  runReview,
  probeDocker,
  runnerSecrets
};
