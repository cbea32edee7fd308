import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  DEFAULT_LIMITS,
  MAX_FILE_BYTES,
  POSTGRES_MIN_MEMORY,
  Redactor,
  capCpus,
  classicBuildLimitArgs,
  containerLimitArgs,
  formatMemory,
  isSecretName,
  tail
} from "./chunk-VMY6T7N4.js";
import {
  RUN_LABEL,
  SMOKE_LAYERS_STATE_KEY,
  SMOKE_STATE_KEY,
  createDockerCli,
  removeBuildLayers,
  removeRun
} from "./chunk-GTURW3JP.js";
import {
  require_node_crypto
} from "./chunk-XZLYEB64.js";
import {
  require_node_os
} from "./chunk-YP4C5K2K.js";
import {
  DYNAMIC_RULES,
  LINES,
  UNSET,
  expand,
  lineage,
  withBases
} from "./chunk-2SUAEEQU.js";
import {
  UnsafePathError,
  readInside,
  require_node_path,
  resolveInside,
  runFactsOf,
  stamp
} from "./chunk-B25ZKZH7.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-DE2SF5KL.js";

// builtin-by-require:node:http
var require_node_http = __commonJS({
  "builtin-by-require:node:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

// builtin-by-require:node:fs/promises
var require_promises = __commonJS({
  "builtin-by-require:node:fs/promises"(exports, module) {
    module.exports = __require("node:fs/promises");
  }
});

// src/smoke/scheduler.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);

// src/smoke/http.ts
var import_node_http = __toESM(require_node_http(), 1);
var MAX_BODY_BYTES = 64 * 1024;
var MAX_HEADER_BYTES = 16 * 1024;
var nodeHttpProbe = (port, path4, timeoutMs) => new Promise((resolve) => {
  let status;
  let settled = false;
  const finish = (answer) => {
    if (settled) return;
    settled = true;
    clearTimeout(deadline);
    req.destroy();
    resolve(answer);
  };
  const headers = { "X-Forwarded-Proto": "https" };
  const req = import_node_http.default.get(
    { host: "127.0.0.1", port, path: path4, agent: false, headers, maxHeaderSize: MAX_HEADER_BYTES },
    (res) => {
      status = res.statusCode;
      let read = 0;
      res.on("data", (chunk) => {
        read += chunk.length;
        if (read >= MAX_BODY_BYTES) finish({ status });
      });
      res.on("end", () => finish({ status }));
      res.on("error", () => finish({ status }));
    }
  );
  const deadline = setTimeout(
    () => finish(
      status !== void 0 ? { status } : { error: `no status line and headers within ${timeoutMs} ms` }
    ),
    timeoutMs
  );
  req.on("error", (error) => finish(status !== void 0 ? { status } : { error: error.message }));
});

// src/smoke/image-build.ts
var import_node_os = __toESM(require_node_os(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);

// src/smoke/build.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var normalize = (s) => s.replace(/\s+/g, " ").trim();
function dockerfileInstructions(text) {
  const out = [];
  const lines = text.split(LINES);
  let current;
  let heredoc;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (heredoc !== void 0) {
      if (raw.trim() === heredoc) heredoc = void 0;
      continue;
    }
    if (!current && (/^\s*#/.test(raw) || raw.trim() === "")) continue;
    if (current && /^\s*#/.test(raw)) continue;
    const continued = /\\\s*$/.test(raw);
    const body = raw.replace(/\\\s*$/, "");
    if (current) current.text += ` ${body}`;
    else current = { line: i + 1, text: body };
    const marker = /<<-?\s*["']?(\w+)["']?/.exec(body);
    if (marker && /^\s*(RUN|COPY|ADD)\b/i.test(current.text)) heredoc = marker[1];
    if (!continued) {
      out.push({ line: current.line, text: normalize(current.text) });
      current = void 0;
    }
  }
  if (current) out.push({ line: current.line, text: normalize(current.text) });
  return out;
}
function locateBuildFailure(log, dockerfileText) {
  const buildkit = [...log.matchAll(/^(?:\S*\/)?[\w.-]+:(\d+)\s*\n-{5,}/gm)].pop();
  const buildkitStep = [...log.matchAll(/^\s*>\s*\[[^\]]*\]\s+(.+?):?\s*$/gm)].pop();
  if (buildkit) return { line: Number(buildkit[1]), instruction: buildkitStep?.[1] };
  const steps = [...log.matchAll(/^Step (\d+)\/(\d+) : (.+)$/gm)];
  const last = steps.pop();
  if (!last) return {};
  const instruction = last[3].trim();
  if (!dockerfileText) return { instruction };
  const instructions = dockerfileInstructions(dockerfileText);
  const wanted = normalize(instruction);
  const exact = instructions.find((i) => i.text === wanted);
  if (exact) return { line: exact.line, instruction };
  const ci = instructions.find((i) => i.text.toLowerCase() === wanted.toLowerCase());
  if (ci) return { line: ci.line, instruction };
  const prefix = instructions.find((i) => i.text.startsWith(wanted.slice(0, 40)));
  if (prefix) return { line: prefix.line, instruction };
  return { instruction };
}
var NEVER_STAGED = ".git";
async function stageBuildContext(contextDir, dockerfile, tempDir) {
  await (0, import_promises.mkdir)(tempDir, { recursive: true });
  const stage = await (0, import_promises.mkdtemp)(import_node_path.default.join(tempDir, "tfr-context-"));
  let removed;
  const remove = () => removed ??= (0, import_promises.rm)(stage, { recursive: true, force: true });
  try {
    const destination = import_node_path.default.join(stage, "context");
    await (0, import_promises.mkdir)(destination);
    await copyTree(import_node_path.default.resolve(contextDir), destination, import_node_path.default.resolve(stage));
    const rel = import_node_path.default.relative(import_node_path.default.resolve(contextDir), import_node_path.default.resolve(dockerfile));
    const inside = rel !== "" && !rel.startsWith("..") && !import_node_path.default.isAbsolute(rel);
    const staged = inside && !rel.split(import_node_path.default.sep).includes(NEVER_STAGED) ? import_node_path.default.join(destination, rel) : dockerfile;
    return { context: destination, dockerfile: staged, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
async function copyTree(from, to, skip) {
  let entries;
  try {
    entries = await (0, import_promises.readdir)(from, { withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT") return;
    throw error;
  }
  for (const e of entries) {
    if (e.name === NEVER_STAGED) continue;
    const source = import_node_path.default.join(from, e.name);
    const target = import_node_path.default.join(to, e.name);
    if (source === skip) continue;
    if (e.isDirectory()) {
      await (0, import_promises.mkdir)(target);
      await copyTree(source, target, skip);
      await (0, import_promises.chmod)(target, (await (0, import_promises.lstat)(source)).mode & 4095 | 448);
    } else if (e.isSymbolicLink()) {
      await (0, import_promises.symlink)(await (0, import_promises.readlink)(source), target);
    } else if (e.isFile()) {
      try {
        await (0, import_promises.link)(source, target);
      } catch {
        await (0, import_promises.copyFile)(source, target);
      }
    }
  }
}
var ClassicBuildLog = class {
  record = { created: [] };
  partial = "";
  step;
  feed(chunk) {
    const lines = (this.partial + chunk).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) this.line(line.replace(/\r$/, ""));
  }
  /** The layers committed so far, from the complete lines read. */
  get created() {
    return this.record.created;
  }
  /** The record so far, with the last unterminated line read too. */
  result() {
    if (this.partial) {
      this.line(this.partial);
      this.partial = "";
    }
    return {
      ...this.record,
      created: [...this.record.created],
      ...this.record.reused ? { reused: [...this.record.reused] } : {}
    };
  }
  line(line) {
    const step = /^Step \d+\/\d+ : (\w+)/.exec(line);
    if (step) {
      this.step = { from: step[1].toUpperCase() === "FROM", cached: false, ran: false };
      this.record.pendingStep = step[1].toUpperCase();
      delete this.record.stepContainer;
      return;
    }
    if (!this.step) return;
    if (/^ ---> Using cache\s*$/.test(line)) {
      this.step.cached = true;
      return;
    }
    const running = /^ ---> Running in ([0-9a-f]{12,})\s*$/.exec(line);
    if (running) {
      this.step.ran = true;
      this.record.stepContainer = running[1];
      return;
    }
    if (/^# Executing \d+ build triggers?/.test(line)) this.step.ran = true;
    const layer = /^ ---> ([0-9a-f]{12,})\s*$/.exec(line);
    if (!layer) return;
    const ours = !this.step.cached && (!this.step.from || this.step.ran);
    if (ours && !this.record.created.includes(layer[1])) this.record.created.push(layer[1]);
    else if (!ours && !this.record.reused?.includes(layer[1])) (this.record.reused ??= []).push(layer[1]);
    this.record.lastLayer = layer[1];
    delete this.record.pendingStep;
    delete this.record.stepContainer;
  }
};

// src/smoke/run-state.ts
var Cancelled = class extends Error {
  /** What the command that was cut short had printed, when one was. */
  constructor(message, partial) {
    super(message);
    this.partial = partial;
  }
  partial;
};
var seconds = (ms) => `${(ms / 1e3).toFixed(1)} s`;
var RunState = class {
  constructor(project, app, dockerfile, options, docker, log, redactor, runId, imageRef, random, now, settings, limits, http2) {
    this.project = project;
    this.app = app;
    this.dockerfile = dockerfile;
    this.options = options;
    this.docker = docker;
    this.log = log;
    this.redactor = redactor;
    this.runId = runId;
    this.imageRef = imageRef;
    this.random = random;
    this.now = now;
    this.started = now();
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.http = http2;
    this.settings = settings;
    this.limits = limits;
  }
  project;
  app;
  dockerfile;
  options;
  docker;
  log;
  redactor;
  runId;
  imageRef;
  random;
  now;
  observations = [];
  engines = {};
  finished = /* @__PURE__ */ new Set();
  /** Engines that got through with only judged failures: their status follows the severity of their findings. */
  settledBySeverity = /* @__PURE__ */ new Set();
  build;
  /** The layers the classic build committed, for the final cleanup to remove. */
  classicBuild;
  /** The build context copied without `.git`, while the build uses it. */
  stagedContext;
  /** What the engines removed themselves as they ended. */
  removed = { containers: 0, networks: 0, volumes: 0 };
  /** Named volumes created for each engine. */
  engineVolumes = /* @__PURE__ */ new Map();
  networkCreated = /* @__PURE__ */ new Map();
  started;
  sleep;
  http;
  /** The settings as the app runs them, with what it star-imports from other settings modules. */
  settings;
  /** The built image's configuration. */
  image;
  /** The limits every container gets, CPUs capped at the engine's once known. */
  limits;
  get label() {
    return `${RUN_LABEL}=${this.runId}`;
  }
  /** `tfr-<runId>-<parts>`: the name of everything the run creates. */
  name(...parts) {
    return ["tfr", this.runId, ...parts].join("-");
  }
  network(engine) {
    return this.name(engine, "net");
  }
  /** Creates the engine's network once, whoever asks first. */
  ensureNetwork(engine) {
    let p = this.networkCreated.get(engine);
    if (!p) {
      p = this.docker.exec(["network", "create", "--label", this.label, this.network(engine)], {
        timeoutMs: 6e4
      });
      this.networkCreated.set(engine, p);
    }
    return p;
  }
  observe(observation) {
    this.observations.push(observation);
  }
  get oneOffTimeoutMs() {
    return this.options.oneOffTimeoutMs ?? 3 * 6e4;
  }
};

// src/smoke/image-build.ts
function buildSource(app) {
  const build = app.compose?.appService?.build;
  const dockerfile = build?.dockerfile ?? app.dockerfile.file;
  return { dockerfile, contextDir: build?.context ?? app.context?.dir ?? import_node_path2.default.posix.dirname(dockerfile) };
}
function outsideBuildSource(root, app) {
  const { contextDir, dockerfile } = buildSource(app);
  for (const [what, p] of [
    ["build context", contextDir],
    ["Dockerfile", dockerfile]
  ]) {
    try {
      resolveInside(root, p.replace(/^\/+/, ""));
    } catch (error) {
      if (error instanceof UnsafePathError && !/does not exist/.test(error.reason))
        return `The ${what} ${p} cannot be used: ${error.reason}. The image is not built from it.`;
    }
  }
  return void 0;
}
async function buildImage(run) {
  const t0 = run.now();
  const composeBuild = run.app.compose?.appService?.build;
  const root = run.project.root;
  const { contextDir } = buildSource(run.app);
  const args = {};
  for (const [k, v] of Object.entries(composeBuild?.args ?? {})) if (v !== void 0) args[k] = v;
  Object.assign(args, run.options.buildArgs ?? {});
  const staged = await stageBuildContext(
    import_node_path2.default.join(root, contextDir),
    import_node_path2.default.join(root, run.dockerfile),
    run.options.tempDir ?? (0, import_node_os.tmpdir)()
  );
  run.stagedContext = staged;
  try {
    return await buildFrom(run, staged, composeBuild?.target, args, t0);
  } finally {
    await staged.remove();
  }
}
function maskBuildSecrets(run) {
  for (const [k, v] of Object.entries(run.options.buildArgs ?? {})) if (isSecretName(k)) run.redactor.add(v);
}
async function buildFrom(run, staged, target, args, t0) {
  const common = [
    "-f",
    staged.dockerfile,
    "-t",
    run.imageRef,
    "--label",
    run.label,
    ...target ? ["--target", target] : [],
    ...Object.entries(args).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`])
  ];
  maskBuildSecrets(run);
  const buildx = (await run.docker.exec(["buildx", "version"], { timeoutMs: 3e4 })).exitCode === 0;
  const argv = buildx ? ["buildx", "build", "--load", "--progress", "plain", ...common, staged.context] : ["build", "--force-rm", ...classicBuildLimitArgs(run.limits), ...common, staged.context];
  run.log.info(`Building the image from ${run.dockerfile} (${buildx ? "buildx" : "classic builder"})\u2026`);
  const buildLog = buildx ? void 0 : new ClassicBuildLog();
  const startedAt = Date.now();
  const classicBuild = (cutShort, keep) => buildLog && { ...buildLog.result(), cutShort, startedAt, ...keep ? { keep } : {} };
  const feed = (chunk) => {
    const before = buildLog.created.length;
    buildLog.feed(chunk);
    if (buildLog.created.length > before) run.options.onBuildLayers?.(buildLog.created);
  };
  let r;
  try {
    r = await run.docker.exec(argv, {
      timeoutMs: run.options.buildTimeoutMs ?? 20 * 6e4,
      env: buildx ? {} : { DOCKER_BUILDKIT: "0" },
      ...buildLog ? { onStdout: (chunk) => feed(chunk) } : {}
    });
  } catch (error) {
    if (error instanceof Cancelled) run.classicBuild = classicBuild(true);
    throw error;
  }
  const durationMs = run.now() - t0;
  if (r.exitCode !== 0) {
    await buildFailed(run, r, durationMs);
    run.classicBuild = classicBuild(!!r.timedOut);
    return false;
  }
  run.classicBuild = classicBuild(false, run.options.keepImage ? run.imageRef : void 0);
  await buildPassed(run, r, durationMs);
  return true;
}
async function buildFailed(run, r, durationMs) {
  const logText = `${r.stdout}
${r.stderr}`;
  let dockerfileText;
  try {
    dockerfileText = (await readInside(run.project.root, run.dockerfile, { maxBytes: MAX_FILE_BYTES })).toString("utf8");
  } catch {
    dockerfileText = void 0;
  }
  const failure = locateBuildFailure(logText, dockerfileText);
  const why = r.timedOut ? `did not finish within ${seconds(run.options.buildTimeoutMs ?? 20 * 6e4)}` : failure.instruction ? `failed at \`${failure.instruction}\`` : `failed (exit code ${r.exitCode})`;
  const logTail = run.redactor.redact(tail(logText, 40));
  run.build = { name: "build", status: "failed", durationMs, detail: `The build ${why}.`, logTail };
  run.observe({
    kind: "build-failed",
    dockerfile: run.dockerfile,
    ...failure.line ? { line: failure.line } : {},
    why,
    logTail
  });
  run.log.info(`Build failed: ${why}.`);
}
async function buildPassed(run, r, durationMs) {
  const idMatch = /Successfully built ([0-9a-f]{12,})|writing image (sha256:[0-9a-f]{64})/.exec(
    `${r.stdout}
${r.stderr}`
  );
  run.build = {
    name: "build",
    status: "passed",
    durationMs,
    detail: `Built in ${seconds(durationMs)}${idMatch ? ` (${idMatch[1] ?? idMatch[2]})` : ""}.`
  };
  const inspect = await run.docker.exec(["image", "inspect", "--format", "{{json .Config}}", run.imageRef], {
    timeoutMs: 3e4
  });
  try {
    run.image = JSON.parse(inspect.stdout.trim() || "{}");
  } catch {
    run.image = {};
  }
}

// src/smoke/engine-cleanup.ts
async function removeEngineObjects(run, engine) {
  const names = [run.name(engine, "web", "1"), run.name(engine, "web", "2")];
  if (engine === "postgres") names.push(run.name("postgres", "db"));
  const lines = (r) => (r?.stdout ?? "").split("\n").filter((l) => l.trim()).length;
  const removed = await run.docker.exec(["rm", "-f", "-v", ...names], { timeoutMs: 6e4 }).catch(() => void 0);
  run.removed.containers += lines(removed);
  const volumes = run.engineVolumes.get(engine) ?? [];
  if (removed?.exitCode === 0 || /No such container/i.test(removed?.stderr ?? ""))
    await Promise.all([
      run.docker.exec(["network", "rm", run.network(engine)], { timeoutMs: 6e4 }).then((r) => {
        if (r.exitCode === 0) run.removed.networks++;
      }),
      volumes.length ? run.docker.exec(["volume", "rm", ...volumes], { timeoutMs: 6e4 }).then((r) => run.removed.volumes += lines(r)) : void 0
    ]).catch(() => void 0);
}

// src/smoke/engine-context.ts
var import_node_path3 = __toESM(require_node_path(), 1);

// src/smoke/env.ts
var DEFAULT_ENGINE_VAR = "DB_ENGINE";
var DB_URL = /^(postgres(ql)?|postgis|mysql|mariadb|sqlite|oracle|mssql)(\+\w+)?:\/\//i;
function envReadsOf(settings) {
  const reads = /* @__PURE__ */ new Map();
  for (const r of settings?.envReads ?? [])
    reads.set(r.variable, (reads.get(r.variable) ?? false) || r.required);
  return reads;
}
function envReadsIn(source, out = []) {
  if (!source) return out;
  switch (source.kind) {
    case "env":
      out.push(source);
      envReadsIn(source.fallback, out);
      break;
    case "choice":
      for (const o of source.options) envReadsIn(o, out);
      break;
    case "list":
      for (const o of source.items) envReadsIn(o, out);
      break;
    case "dict":
      for (const e of source.entries) envReadsIn(e.value, out);
      break;
  }
  return out;
}
var envVariablesIn = (source) => envReadsIn(source).map((r) => r.variable);
var isPostgresEngine = (e) => !!e && /postgres|postgis/.test(e);
var isSqliteEngine = (e) => !!e && /sqlite/.test(e);
function dbFieldOfName(name) {
  const n = name.toUpperCase();
  if (!/(^|_)(DB|DATABASE|POSTGRES|POSTGRESQL|PG|PSQL|SQL)/.test(n) && !/^PG/.test(n)) return void 0;
  if (/HOST$/.test(n)) return "host";
  if (/PORT$/.test(n)) return "port";
  if (/(PASSWORD|PASS|PASSWD|PWD)$/.test(n)) return "password";
  if (/(USER|USERNAME)$/.test(n)) return "user";
  if (/(NAME|DB|DATABASE)$/.test(n) && !/ENGINE|URL/.test(n)) return "name";
  return void 0;
}
function postgresUrl(pg) {
  return `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/${pg.name}`;
}
function engineValue(settings, variable, engine) {
  const configs = settings?.databases?.configs ?? [];
  const wanted = engine === "postgres" ? isPostgresEngine : isSqliteEngine;
  const direct = configs.flatMap((c) => envReadsIn(c.fields.ENGINE)).filter((r) => r.variable === variable);
  if (direct.length) {
    const module = engine === "postgres" ? "django.db.backends.postgresql" : "django.db.backends.sqlite3";
    for (const { prefix = "", suffix = "" } of direct)
      if ((prefix || suffix) && module.startsWith(prefix) && module.endsWith(suffix))
        return module.slice(prefix.length, module.length - suffix.length);
    return module;
  }
  const selectors = configs.filter((c) => c.selectedBy?.variable === variable);
  const test = (c) => c.selectedBy?.test ?? "equals";
  const selected = selectors.find((c) => wanted(c.engine) && test(c) === "equals");
  if (selected?.selectedBy) return selected.selectedBy.value;
  const presence = selectors.find((c) => test(c) === "set");
  if (presence) return wanted(presence.engine) ? engine : void 0;
  if (selectors.some((c) => wanted(c.engine) && test(c) === "unset")) return void 0;
  return engine;
}
function planEnv(input) {
  const { settings, engine } = input;
  const reads = envReadsOf(settings);
  const env = {};
  const secrets = [];
  const ours = /* @__PURE__ */ new Set();
  const set = (name, value, secret = false) => {
    env[name] = value;
    ours.add(name);
    if (secret) secrets.push(value);
  };
  for (const e of input.composeEnv) {
    if (e.value === void 0 || isSecretName(e.name) && e.interpolated) continue;
    if (dbFieldOfName(e.name) || /ENGINE$/.test(e.name) || DB_URL.test(e.value)) continue;
    env[e.name] = e.value;
  }
  const selection = settings?.databases?.selection;
  const engineVars = /* @__PURE__ */ new Set([DEFAULT_ENGINE_VAR]);
  if (selection?.kind === "env") engineVars.add(selection.variable);
  const presenceVars = /* @__PURE__ */ new Set();
  for (const v of engineVars) {
    const value = engineValue(settings, v, engine);
    if (value === void 0) continue;
    set(v, value);
    if (settings?.databases?.configs.some((c) => c.selectedBy?.variable === v && c.selectedBy.test === "set"))
      presenceVars.add(v);
  }
  const urlVars = /* @__PURE__ */ new Set();
  if (selection?.kind === "url") urlVars.add(selection.variable);
  for (const name of reads.keys()) if (/DATABASE_URL$|^DB_URL$/.test(name)) urlVars.add(name);
  if (engine === "postgres" && input.postgres) {
    const pg = input.postgres;
    const value = (field) => String(pg[field]);
    set("DB_HOST", pg.host);
    set("DB_PORT", String(pg.port));
    set("DB_NAME", pg.name);
    set("DB_USER", pg.user);
    set("DB_PASSWORD", pg.password, true);
    const pgConfig = settings?.databases?.configs.find((c) => isPostgresEngine(c.engine));
    const fieldVars = [];
    for (const [key, field] of [
      ["HOST", "host"],
      ["PORT", "port"],
      ["NAME", "name"],
      ["USER", "user"],
      ["PASSWORD", "password"]
    ]) {
      for (const v of envVariablesIn(pgConfig?.fields[key])) fieldVars.push([v, field]);
    }
    for (const name of reads.keys()) {
      const field = dbFieldOfName(name);
      if (field && !fieldVars.some(([v]) => v === name)) fieldVars.push([name, field]);
    }
    for (const [name, field] of fieldVars)
      if (!engineVars.has(name) || presenceVars.has(name)) set(name, value(field), field === "password");
    const url = postgresUrl(pg);
    urlVars.add("DATABASE_URL");
    for (const v of urlVars) set(v, url, true);
  } else if (engine === "sqlite") {
    if (selection?.kind === "url" && !(selection.default ?? "").startsWith("sqlite")) {
      set(selection.variable, input.sqliteUrl);
    }
  }
  const secretKeyVars = /* @__PURE__ */ new Set();
  const hostsVars = /* @__PURE__ */ new Set();
  for (const a of settings?.assignments ?? []) {
    if (a.name === "SECRET_KEY") for (const v of envVariablesIn(a.value)) secretKeyVars.add(v);
    if (a.name === "ALLOWED_HOSTS") for (const v of envVariablesIn(a.value)) hostsVars.add(v);
  }
  for (const name of reads.keys()) if (/ALLOWED_HOSTS$/.test(name)) hostsVars.add(name);
  secretKeyVars.add("SECRET_KEY").add("DJANGO_SECRET_KEY");
  hostsVars.add("ALLOWED_HOSTS").add("DJANGO_ALLOWED_HOSTS");
  const givenKeys = /* @__PURE__ */ new Set([...input.imageEnvNames, ...Object.keys(env), ...Object.keys(input.extra ?? {})]);
  for (const v of secretKeyVars) if (!ours.has(v) && !givenKeys.has(v)) set(v, input.random(32), true);
  for (const v of hostsVars) if (!ours.has(v)) set(v, "*");
  const provided = /* @__PURE__ */ new Set([...Object.keys(env), ...input.imageEnvNames, ...Object.keys(input.extra ?? {})]);
  for (const [name, required] of reads) {
    if (!required || provided.has(name)) continue;
    if (engine === "sqlite" && dbFieldOfName(name)) continue;
    if (isSecretName(name)) set(name, input.random(32), true);
    else if (/DEBUG$/.test(name)) set(name, "0");
    else if (/PORT$/.test(name)) set(name, "5432");
    else set(name, `tfr-${input.random(4)}`);
  }
  for (const [name, value] of Object.entries(input.extra ?? {})) {
    env[name] = value;
    if (isSecretName(name)) secrets.push(value);
  }
  return { env, secrets };
}

// src/smoke/engine-context.ts
var INIT_PROGRAM = /^(.*\/)?(tini|dumb-init|gosu|su-exec)$/;
async function engineContext(run, engine, creds) {
  const image = run.image ?? {};
  const appService = run.app.compose?.appService;
  const workdir = image.WorkingDir || "/";
  const manageDir = run.app.imageSourceDir ?? workdir;
  const { volumes, firstTarget } = await createVolumes(run, engine, image, workdir, manageDir);
  const plan = planEnv({
    engine,
    settings: run.settings,
    composeEnv: appService?.environment ?? [],
    imageEnvNames: (image.Env ?? []).map((e) => e.split("=")[0]),
    postgres: creds,
    sqliteUrl: `sqlite:///${import_node_path3.default.posix.join(firstTarget ?? workdir, "db.sqlite3")}`,
    extra: run.options.env?.[engine],
    random: run.random
  });
  for (const s of plan.secrets) run.redactor.add(s);
  const port = serverPort(run, image, plan.env);
  const composeEntrypoint = appService?.entrypoint && composeArgv(appService.entrypoint);
  const composeCommand = appService?.command && composeArgv(appService.command);
  const entrypoint = composeEntrypoint ?? image.Entrypoint ?? [];
  const keepEntrypoint = entrypoint.length > 0 && entrypointRunsArguments(run.app, entrypoint);
  const entrypointFlag = composeEntrypoint ? ["--entrypoint", composeEntrypoint[0] ?? ""] : [];
  const entrypointRest = composeEntrypoint?.slice(1) ?? [];
  const serverCommand = composeEntrypoint || composeCommand ? [...entrypointRest, ...composeCommand ?? []] : void 0;
  return {
    engine,
    network: run.network(engine),
    volumes,
    env: plan.env,
    manageDir,
    port,
    oneOffEntrypoint: keepEntrypoint ? entrypointFlag : entrypoint.length === 0 ? [] : ["--entrypoint", ""],
    oneOffPrefix: keepEntrypoint ? entrypointRest : [],
    wrapper: keepEntrypoint ? entrypoint : [],
    // A wrapper script may wait for, or migrate, the database before it runs the one-off's command.
    wrapperMayUseDatabase: keepEntrypoint && !INIT_PROGRAM.test(entrypointProgram(entrypoint) ?? ""),
    serverEntrypoint: entrypointFlag,
    serverCommand
  };
}
function composeArgv(command) {
  if (command.argv) return command.argv;
  const words = [];
  for (const m of command.raw.matchAll(/"((?:\\.|[^"\\])*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g))
    words.push(m[1] !== void 0 ? m[1].replace(/\\(.)/g, "$1") : m[2] ?? m[3].replace(/\\(.)/g, "$1"));
  return words;
}
async function createVolumes(run, engine, image, workdir, manageDir) {
  const targets = new Set(Object.keys(image.Volumes ?? {}));
  for (const v of run.app.compose?.appService?.volumes ?? []) {
    if (v.type === "tmpfs") continue;
    const t = v.target.replace(/\/+$/, "") || "/";
    const overCode = [workdir, manageDir].some((d) => d === t || d.startsWith(`${t}/`) || t === "/");
    if (!overCode) targets.add(t);
  }
  const volumes = [];
  let i = 0;
  for (const target of [...targets].sort()) {
    const name = run.name(engine, "vol", String(++i));
    const r = await run.docker.exec(["volume", "create", "--label", run.label, name], {
      timeoutMs: 6e4
    });
    if (r.exitCode !== 0) throw new Error(`docker volume create failed: ${r.stderr.trim()}`);
    volumes.push("-v", `${name}:${target}`);
    run.engineVolumes.set(engine, [...run.engineVolumes.get(engine) ?? [], name]);
  }
  return { volumes, firstTarget: [...targets].sort()[0] };
}
function serverPort(run, image, env) {
  const appService = run.app.compose?.appService;
  const exposed = Object.keys(image.ExposedPorts ?? {}).filter((p) => p.endsWith("/tcp")).map((p) => Number(p.split("/")[0])).filter((p) => Number.isFinite(p));
  const composePort = appService?.ports.find((p) => p.target !== void 0)?.target ?? appService?.expose.find((e) => e.port)?.port;
  const portVariable = /\$\{?PORT\b/;
  const startsOnPortVariable = [
    ...image.Entrypoint ?? [],
    ...image.Cmd ?? [],
    appService?.command?.raw ?? "",
    ...run.app.entrypointScripts.flatMap((e) => e.script.commands.flatMap((c) => c.argv))
  ].some((text) => portVariable.test(text));
  const imagePort = (image.Env ?? []).find((e) => e.startsWith("PORT="))?.slice(5);
  const givenPort = Number(env.PORT ?? imagePort);
  const port = run.options.port ?? exposed[0] ?? composePort ?? (startsOnPortVariable && Number.isInteger(givenPort) && givenPort > 0 ? givenPort : 8e3);
  if (startsOnPortVariable && env.PORT === void 0 && imagePort === void 0) env.PORT = String(port);
  return port;
}
function entrypointRunsArguments(app, entrypoint) {
  const program = entrypointProgram(entrypoint);
  if (!program) return false;
  if (INIT_PROGRAM.test(program)) return true;
  const script = app.entrypointScripts.find(
    (s) => s.imagePath === program || import_node_path3.default.posix.basename(s.imagePath) === import_node_path3.default.posix.basename(program)
  );
  if (script)
    return script.script.commands.some((c) => c.argv.some((a) => a.includes("$@") || a.includes("$*")));
  return /\.sh$|entrypoint/i.test(import_node_path3.default.posix.basename(program));
}
function entrypointProgram(entrypoint) {
  return entrypoint.find((a, i) => i === entrypoint.length - 1 || !/^(\/bin\/)?(ba|da)?sh$/.test(a));
}

// src/smoke/containers.ts
var MANAGE_SCRIPT = 'exec "$(command -v python3 || command -v python)" manage.py "$@"';
async function containerState(run, container) {
  const r = await run.docker.exec(["inspect", "--format", "{{json .State}}", container], {
    timeoutMs: 3e4
  });
  if (r.exitCode !== 0) return void 0;
  try {
    return JSON.parse(r.stdout.trim());
  } catch {
    return void 0;
  }
}
async function containerLogs(run, container) {
  const r = await run.docker.exec(["logs", "--tail", "40", container], { timeoutMs: 3e4 });
  return run.redactor.redact(tail(`${r.stdout}
${r.stderr}`));
}
function containerArgs(run, ctx, name) {
  return [
    "--name",
    name,
    "--label",
    run.label,
    ...containerLimitArgs(run.limits),
    "--network",
    ctx.network,
    ...ctx.volumes,
    ...Object.keys(ctx.env).flatMap((k) => ["-e", k])
  ];
}
async function oneOffScript(run, ctx, what, script, scriptArgs, input) {
  const name = run.name(ctx.engine, what);
  const r = await run.docker.exec(
    [
      "run",
      "--rm",
      ...input ? ["-i"] : [],
      ...containerArgs(run, ctx, name),
      "-w",
      ctx.manageDir,
      ...ctx.oneOffEntrypoint,
      run.imageRef,
      ...ctx.oneOffPrefix,
      "sh",
      "-c",
      script,
      "manage.py",
      ...scriptArgs
    ],
    { env: ctx.env, timeoutMs: run.oneOffTimeoutMs, ...input ? { input } : {} }
  );
  if (r.timedOut) await run.docker.exec(["rm", "-f", "-v", name], { timeoutMs: 6e4 });
  return r;
}
function serverArgs(run, ctx, name) {
  return [
    ...containerArgs(run, ctx, name),
    "-p",
    `127.0.0.1::${ctx.port}`,
    ...ctx.serverEntrypoint,
    run.imageRef,
    ...ctx.serverCommand ?? []
  ];
}
function createServer(run, ctx, name) {
  return run.docker.exec(["create", ...serverArgs(run, ctx, name)], { env: ctx.env, timeoutMs: 12e4 });
}
async function startServer(run, ctx, name, created) {
  const c = created && await created;
  const r = c === void 0 ? await run.docker.exec(["run", "-d", ...serverArgs(run, ctx, name)], {
    env: ctx.env,
    timeoutMs: 12e4
  }) : c.exitCode === 0 ? await run.docker.exec(["start", name], { timeoutMs: 12e4 }) : c;
  if (r.exitCode !== 0) {
    const what = c === void 0 ? "run" : c.exitCode === 0 ? "start" : "create";
    return {
      ok: false,
      why: `docker ${what} failed (exit code ${r.exitCode}): ${lastErrorLine(r.stderr)}`,
      logTail: run.redactor.redact(tail(r.stderr)),
      exitCode: r.exitCode
    };
  }
  const port = await run.docker.exec(["port", name, `${ctx.port}/tcp`], { timeoutMs: 3e4 });
  const m = /:(\d+)\s*$/m.exec(port.stdout);
  if (port.exitCode !== 0 || !m) {
    const state = await containerState(run, name);
    return {
      ok: false,
      why: state && !state.Running ? `the container exited at once (exit code ${state.ExitCode})` : "no port published",
      logTail: await containerLogs(run, name),
      ...state && !state.Running && state.ExitCode !== void 0 ? { exitCode: state.ExitCode } : {}
    };
  }
  return { ok: true, hostPort: Number(m[1]) };
}
function lastErrorLine(output) {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const error = [...lines].reverse().find((l) => /^[\w.]+(Error|Exception|Configured|DoesNotExist)\b.*:/.test(l));
  const line = error ?? lines[lines.length - 1] ?? "no output";
  return line.length > 300 ? `${line.slice(0, 300)}\u2026` : line;
}

// src/smoke/deploy-check.ts
var LEVELS = {
  C: "critical",
  E: "error",
  W: "warning"
};
function parseDeployCheck(output) {
  const issues = [];
  for (const m of output.matchAll(/^(\S.*?): \(([\w.]+\.([CEWID])\d+)\) (.*)$/gm)) {
    const level = LEVELS[m[3]];
    if (!level || issues.some((i) => i.id === m[2])) continue;
    issues.push({ id: m[2], level, object: m[1], message: m[4].trim() });
  }
  return issues;
}

// src/smoke/steps/check-deploy.ts
function checkDeployStep(run, e, r) {
  const out = `${r.stdout}
${r.stderr}`;
  const durationMs = r.durationMs ?? 0;
  const issues = parseDeployCheck(out);
  for (const issue of issues)
    run.observe({ kind: "deploy-check-issue", engine: e.engine, id: issue.id, message: issue.message });
  if (r.exitCode !== 0 && issues.every((i) => i.level === "warning")) {
    return {
      name: "check-deploy",
      status: "failed",
      durationMs,
      detail: `\`manage.py check --deploy\` could not run (exit code ${r.exitCode}: ${lastErrorLine(out)}).`,
      logTail: run.redactor.redact(tail(out))
    };
  }
  return {
    name: "check-deploy",
    status: "passed",
    durationMs,
    detail: issues.length ? `${issues.length} issue(s): ${issues.map((i) => i.id).join(", ")}.` : "No issues."
  };
}

// src/smoke/steps/database.ts
async function databaseStep(run, e, postgres) {
  try {
    const pg = await postgres;
    e.postgres = pg;
    e.record({
      name: "database",
      status: "passed",
      durationMs: pg.ms,
      detail: `${pg.image} ready in ${seconds(pg.ms)}.`
    });
    return true;
  } catch (error) {
    if (error instanceof Cancelled) throw error;
    e.result.status = "skipped";
    e.result.reason = run.redactor.redact(error.message.split("\n")[0]);
    e.record({
      name: "database",
      status: "failed",
      durationMs: run.now() - e.t0,
      detail: e.result.reason,
      logTail: run.redactor.redact(tail(error.message, 20))
    });
    e.skipRest("PostgreSQL did not start");
    return false;
  }
}

// src/smoke/steps/engine-run.ts
var EngineRun = class {
  constructor(run, engine) {
    this.run = run;
    this.engine = engine;
    this.t0 = run.now();
    this.result = { engine, status: "passed", durationMs: 0, steps: this.steps };
    this.order = engine === "postgres" ? ["database", "migrate", "start", "http", "stop", "persist", "tables", "check-deploy"] : ["migrate", "start", "http", "stop", "persist", "check-deploy"];
    this.probeUser = `tfr-probe-${run.runId}-${engine}`;
    this.web1 = run.name(engine, "web", "1");
    this.web2 = run.name(engine, "web", "2");
  }
  run;
  engine;
  steps = [];
  result;
  order;
  t0;
  probeUser;
  ctx;
  /** The release one-off (check --deploy, migrate, probe write), started at once. */
  release;
  released;
  /** check --deploy's step, recorded when the release one-off ends. */
  deployCheck;
  postgres;
  /** The migrations counted in PostgreSQL, looked up alongside the server steps. */
  tables;
  web1;
  web2;
  firstServer;
  /** The replacement server, started once the first one answers. */
  replacing;
  /** The probe record read back in the replacement (or a one-off). */
  reading;
  persistMs = 0;
  /** Failed steps a dynamic rule judges (their failure was observed): the findings' severity settles the engine. */
  judged = /* @__PURE__ */ new Set();
  record(step) {
    step.detail = this.run.redactor.redact(step.detail);
    step.logTail = this.run.redactor.redact(step.logTail);
    this.steps.push(step);
    return step;
  }
  /** Records every step not recorded yet as skipped (check-deploy is recorded when the release one-off ends). */
  skipRest(why) {
    for (const name of this.order) {
      if (name === "check-deploy" && this.deployCheck) continue;
      if (!this.steps.some((s) => s.name === name)) this.record(skipped(name, why));
    }
  }
};
var skipped = (name, why) => ({
  name,
  status: "skipped",
  durationMs: 0,
  detail: why
});

// src/smoke/release.ts
var RELEASE_DRIVER = [
  "import json, runpy, sys, time, traceback",
  "marker, steps = sys.argv[1], json.loads(sys.argv[2])",
  "broken = None",
  "for i, step in enumerate(steps):",
  '    if step.get("gate") and sys.stdin.readline().strip() != "go":',
  "        break",
  "    t0 = time.monotonic()",
  '    sys.argv = ["manage.py"] + step["argv"]',
  "    code = 0",
  "    if broken:",
  "        sys.stderr.write(broken)",
  "        code = 1",
  "    else:",
  "        try:",
  '            runpy.run_path("manage.py", run_name="__main__")',
  "        except SystemExit as e:",
  "            if isinstance(e.code, int):",
  "                code = e.code",
  "            elif e.code is not None:",
  "                print(e.code, file=sys.stderr)",
  "                code = 1",
  "        except BaseException:",
  "            traceback.print_exc()",
  "            code = 1",
  // A failed Django setup leaves the app registry half-populated, and every later command would only say
  // "populate() isn't reentrant": they report the original error instead.
  '            registry = getattr(sys.modules.get("django.apps"), "apps", None)',
  "            if registry is not None and registry.loading and not registry.ready:",
  "                broken = traceback.format_exc()",
  '    line = "%s %d %d %d" % (marker, i, code, (time.monotonic() - t0) * 1000)',
  "    for stream in (sys.stdout, sys.stderr):",
  "        stream.flush()",
  '        stream.write("\\n" + line + "\\n")',
  "        stream.flush()",
  '    if code and step.get("stopOnFailure"):',
  "        break"
].join("\n");
var RELEASE_SCRIPT = 'exec "$(command -v python3 || command -v python)" -c "$1" "$2" "$3"';
function releaseArgs(marker, steps) {
  return [RELEASE_DRIVER, marker, JSON.stringify(steps)];
}
var escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function splitRelease(r, marker, count) {
  const pattern = new RegExp(`\\n?${escape(marker)} (\\d+) (-?\\d+) (\\d+)\\r?\\n`, "g");
  const cut = (text) => {
    const parts = /* @__PURE__ */ new Map();
    let from = 0;
    for (const m of text.matchAll(pattern)) {
      parts.set(Number(m[1]), { text: text.slice(from, m.index), code: Number(m[2]), ms: Number(m[3]) });
      from = m.index + m[0].length;
    }
    return { parts, rest: text.slice(from) };
  };
  const out = cut(r.stdout);
  const err = cut(r.stderr);
  const results = [];
  for (let i = 0; i < count; i++) {
    const o = out.parts.get(i);
    const e = err.parts.get(i);
    const end = o ?? e;
    if (!end) break;
    results.push({
      exitCode: end.code,
      stdout: o?.text ?? "",
      stderr: e?.text ?? "",
      finished: true,
      durationMs: end.ms
    });
  }
  if (results.length < count && (out.rest.trim() || err.rest.trim() || r.exitCode !== 0)) {
    results.push({
      exitCode: r.exitCode,
      stdout: out.rest,
      stderr: err.rest,
      finished: false,
      ...r.timedOut ? { timedOut: true } : {}
    });
  }
  return results;
}

// src/smoke/steps/release-one-off.ts
function startRelease(run, ctx, probeUser, databaseReady) {
  const gate = databaseReady?.then(
    () => "go\n",
    () => "stop\n"
  );
  const release = !gate || !ctx.wrapperMayUseDatabase ? releaseOneOff(run, ctx, probeUser, gate) : gate.then(
    (line) => releaseOneOff(run, ctx, probeUser, line === "go\n" ? void 0 : Promise.resolve(line))
  );
  release.catch(() => void 0);
  return release;
}
async function releaseOneOff(run, ctx, probeUser, gate) {
  const marker = `tfr-step-${run.runId}`;
  const steps = [
    { argv: ["check", "--deploy"] },
    { argv: ["migrate", "--noinput"], stopOnFailure: true, ...gate ? { gate: true } : {} },
    { argv: ["shell", "-c", writeProbe(probeUser)] }
  ];
  let s0 = run.now();
  const opened = gate?.then((line) => {
    s0 = run.now();
    return line;
  });
  const r = await oneOffScript(run, ctx, "release", RELEASE_SCRIPT, releaseArgs(marker, steps), opened);
  const parts = splitRelease(r, marker, steps.length);
  const measured = parts.filter((p, i) => p.finished && (!gate || i > 0));
  const rest = Math.max(0, run.now() - s0 - measured.reduce((t, p) => t + (p.durationMs ?? 0), 0));
  const [check, migrate, write] = parts.map(
    (p) => p.finished ? p : { ...p, exitCode: p.exitCode === 0 ? 1 : p.exitCode, durationMs: rest }
  );
  const ended = (what) => ({
    exitCode: r.exitCode || 1,
    stdout: "",
    stderr: `The one-off container ended before ${what} (exit code ${r.exitCode}).
${tail(`${r.stdout}
${r.stderr}`)}`,
    ...r.timedOut ? { timedOut: true } : {}
  });
  const migrated = migrate ?? (check && !check.finished ? check : ended("migrate ran"));
  return {
    check: check ?? ended("check --deploy ran"),
    migrate: migrated,
    write: write ?? (migrated.exitCode === 0 ? ended("the probe record was written") : { exitCode: 1, stdout: "", stderr: "migrate did not finish, so no probe record was written" })
  };
}
function writeProbe(user) {
  return [
    "from django.contrib.auth import get_user_model",
    "U = get_user_model()",
    `U.objects.create(**{U.USERNAME_FIELD: ${JSON.stringify(user)}})`,
    "print('tfr-written')",
    // The file SQLite just wrote the record to, as the process opened it (a relative NAME is the working directory's).
    "import os",
    "from django.db import connections",
    "c = connections[U.objects.db]",
    `if c.vendor == 'sqlite': print(${JSON.stringify(SQLITE_MARKER)} + os.path.abspath(str(c.settings_dict['NAME'])))`
  ].join("\n");
}
var SQLITE_MARKER = "tfr-sqlite-file:";
function sqliteFileWritten(write) {
  if (write.exitCode !== 0) return void 0;
  const line = write.stdout.split("\n").find((l) => l.startsWith(SQLITE_MARKER));
  const path4 = line?.slice(SQLITE_MARKER.length).trim();
  return path4?.startsWith("/") ? path4 : void 0;
}

// src/smoke/steps/migrate.ts
async function migrateStep(run, e) {
  e.released = await e.release;
  const r = e.released.migrate;
  const out = `${r.stdout}
${r.stderr}`;
  const durationMs = r.durationMs ?? 0;
  if (r.exitCode === 0) {
    const sqliteFile = sqliteFileWritten(e.released.write);
    if (sqliteFile) run.observe({ kind: "sqlite-written", engine: e.engine, path: sqliteFile });
    e.record({
      name: "migrate",
      status: "passed",
      durationMs,
      detail: `Migrated in ${seconds(durationMs)}, then wrote a probe record in the same one-off.`
    });
    return void 0;
  }
  const why = r.timedOut ? "did not finish in time" : `exit code ${r.exitCode}: ${lastErrorLine(out)}`;
  const logTail = run.redactor.redact(tail(out));
  e.record({ name: "migrate", status: "failed", durationMs, detail: `migrate ${why}`, logTail });
  run.observe({
    kind: "migrate-failed",
    engine: e.engine,
    why: run.redactor.redact(why),
    output: out,
    logTail
  });
  return { step: "migrate", why, logTail };
}

// src/smoke/steps/persist.ts
var MISSING_TABLE = /no such table|relation "[^"]+" does not exist|table '[^']+' doesn't exist/i;
function readProbe(user) {
  return [
    "from django.contrib.auth import get_user_model",
    "U = get_user_model()",
    `print('tfr-found' if U.objects.filter(**{U.USERNAME_FIELD: ${JSON.stringify(user)}}).exists() else 'tfr-missing')`
  ].join("\n");
}
async function readBack(run, e, container) {
  const ctx = e.ctx;
  const args = ["shell", "-c", readProbe(e.probeUser)];
  if (container) {
    const r = await run.docker.exec(
      [
        "exec",
        "-w",
        ctx.manageDir,
        container,
        ...ctx.wrapper,
        "sh",
        "-c",
        MANAGE_SCRIPT,
        "manage.py",
        ...args
      ],
      { timeoutMs: run.oneOffTimeoutMs }
    );
    const gone = /is not running|No such container|is restarting/i.test(r.stderr) || r.exitCode !== 0 && !(await containerState(run, container))?.Running;
    if (!gone) return { ...r, in: "replacement" };
  }
  return { ...await oneOffScript(run, ctx, "read", MANAGE_SCRIPT, args), in: "one-off" };
}
async function persistStep(run, e) {
  const read = await e.reading;
  const written = e.released.write;
  const durationMs = e.persistMs;
  const lost = (why, logTail) => {
    e.record({ name: "persist", status: "failed", durationMs, detail: why, logTail });
    e.judged.add("persist");
    run.observe({ kind: "data-lost", engine: e.engine, why, logTail });
  };
  if (written.exitCode !== 0) {
    const writeOut = `${written.stdout}
${written.stderr}`;
    const logTail = run.redactor.redact(tail(writeOut));
    if (MISSING_TABLE.test(writeOut))
      lost(
        `the tables migrate had just created were missing when the probe record was written: ${lastErrorLine(writeOut)}`,
        logTail
      );
    else
      e.record({
        name: "persist",
        status: "skipped",
        durationMs,
        detail: `Could not write a probe record through Django's user model (${lastErrorLine(writeOut)}).`,
        logTail
      });
    return;
  }
  const readOut = `${read?.stdout ?? ""}
${read?.stderr ?? ""}`;
  if (read?.exitCode === 0 && readOut.includes("tfr-found")) {
    e.record({
      name: "persist",
      status: "passed",
      durationMs,
      detail: read.in === "replacement" ? "A user written by a one-off container was read back in the replacement server container." : "A user written by a one-off container was read back by the next one-off, after the server container was replaced."
    });
  } else if (read?.exitCode === 0 || MISSING_TABLE.test(readOut)) {
    lost(
      read?.exitCode === 0 ? "the probe user written through Django's user model was not found" : `even the tables migrate created were missing: ${lastErrorLine(readOut)}`,
      run.redactor.redact(tail(readOut))
    );
  } else {
    e.record({
      name: "persist",
      status: "failed",
      durationMs,
      detail: `Reading the probe record back failed (${lastErrorLine(readOut)}).`,
      logTail: run.redactor.redact(tail(readOut))
    });
  }
}

// src/smoke/http-wait.ts
async function waitForHttp(run, container, hostPort) {
  const timeoutMs = run.options.startTimeoutMs ?? 6e4;
  const deadline = run.now() + timeoutMs;
  let lastError = "no answer";
  for (let attempt = 0; ; attempt++) {
    const answer = await run.http(hostPort, "/", 2e3);
    if (answer.status !== void 0) return { ok: true };
    lastError = answer.error ?? lastError;
    if (attempt % 3 === 2) {
      const state = await containerState(run, container);
      if (state && !state.Running) {
        const oom = state.OOMKilled ? ` (killed for using more than the ${formatMemory(run.limits.memoryBytes)} of memory it may use, smoke-memory)` : "";
        return { ok: false, why: `the container exited with code ${state.ExitCode}${oom} before answering` };
      }
    }
    if (run.now() >= deadline)
      return { ok: false, why: `no HTTP answer within ${seconds(timeoutMs)}: ${lastError}` };
    await run.sleep(100);
  }
}
async function probePages(run, hostPort) {
  const parts = [];
  let serverError = false;
  for (const p of ["/", "/admin/login/"]) {
    const a = await run.http(hostPort, p, 1e4);
    if (a.status === void 0) {
      serverError = true;
      parts.push(`GET ${p}: no answer (${a.error ?? "error"})`);
    } else if (a.status >= 500) {
      serverError = true;
      parts.push(`GET ${p}: ${a.status} (server error)`);
    } else if (a.status === 400) {
      parts.push(
        `GET ${p}: 400 (Bad Request: ALLOWED_HOSTS does not accept 127.0.0.1; read it from the environment, not a crash)`
      );
    } else if (a.status === 404 && p === "/") {
      parts.push(`GET ${p}: 404 (no route at /, fine for a fresh project)`);
    } else {
      parts.push(`GET ${p}: ${a.status}`);
    }
  }
  return { serverError, detail: `${parts.join("; ")}.` };
}

// src/smoke/steps/listening.ts
var LISTEN = "0A";
function listeningPorts(procNetTcp) {
  const ports = [];
  for (const line of procNetTcp.split("\n")) {
    const fields = line.trim().split(/\s+/);
    const local = /^[0-9A-Fa-f]+:([0-9A-Fa-f]{4})$/.exec(fields[1] ?? "");
    if (!local || fields[3]?.toUpperCase() !== LISTEN) continue;
    const port = parseInt(local[1], 16);
    if (port > 0 && !ports.includes(port)) ports.push(port);
  }
  return ports;
}
async function observeListening(run, e, container) {
  const r = await run.docker.exec(["exec", container, "cat", "/proc/net/tcp", "/proc/net/tcp6"], { timeoutMs: 3e4 }).catch(() => void 0);
  if (!r?.stdout) return;
  for (const port of listeningPorts(r.stdout)) {
    const seen = { kind: "listening", engine: e.engine, port, answered: false };
    run.observe(seen);
  }
}

// src/smoke/steps/probe.ts
async function probeStep(run, e) {
  const ctx = e.ctx;
  const { hostPort, h0: s0 } = e.firstServer;
  const web2Created = createServer(run, ctx, e.web2);
  web2Created.catch(() => void 0);
  const h0 = run.now();
  const answered = await waitForHttp(run, e.web1, hostPort);
  const firstAnswerMs = run.now() - s0;
  if (!answered.ok) {
    const logTail = await containerLogs(run, e.web1);
    const state = await containerState(run, e.web1);
    const exited = state && !state.Running && state.ExitCode !== void 0 ? { exitCode: state.ExitCode } : {};
    if (state?.Running) await observeListening(run, e, e.web1);
    e.record({ name: "http", status: "failed", durationMs: run.now() - h0, detail: answered.why, logTail });
    run.observe({
      kind: "no-http-answer",
      engine: e.engine,
      port: ctx.port,
      why: answered.why,
      logTail,
      ...exited
    });
    return { step: "http", why: answered.why, logTail, ...exited };
  }
  run.observe({ kind: "listening", engine: e.engine, port: ctx.port, answered: true });
  run.observe({
    kind: "first-answer",
    engine: e.engine,
    durationMs: firstAnswerMs,
    budgetMs: run.options.startupBudgetMs ?? 2e4
  });
  const p0 = run.now();
  const replacing = startServer(run, ctx, e.web2, web2Created);
  replacing.catch(() => void 0);
  e.replacing = replacing;
  const written = e.released.write;
  const reading = written.exitCode === 0 ? replacing.then(async (st) => {
    const serving = st.ok && (await waitForHttp(run, e.web2, st.hostPort)).ok;
    return readBack(run, e, serving ? e.web2 : void 0);
  }).finally(() => e.persistMs = run.now() - p0) : Promise.resolve(void 0);
  reading.catch(() => void 0);
  e.reading = reading;
  const probes = await probePages(run, hostPort);
  const detail = `First answer ${seconds(firstAnswerMs)} after start. ${probes.detail}`;
  if (probes.serverError) {
    await reading.catch(() => void 0);
    const logTail = await containerLogs(run, e.web1);
    e.record({ name: "http", status: "failed", durationMs: run.now() - h0, detail, logTail });
    return { step: "http", why: probes.detail, logTail };
  }
  e.record({ name: "http", status: "passed", durationMs: run.now() - h0, detail });
  return void 0;
}

// src/smoke/steps/serve.ts
async function serveStep(run, e) {
  const ctx = e.ctx;
  const s0 = run.now();
  const started = await startServer(run, ctx, e.web1);
  if (!started.ok) {
    e.record({
      name: "start",
      status: "failed",
      durationMs: run.now() - s0,
      detail: started.why,
      logTail: started.logTail
    });
    return {
      step: "start",
      why: started.why,
      logTail: started.logTail,
      ...started.exitCode !== void 0 ? { exitCode: started.exitCode } : {}
    };
  }
  e.record({
    name: "start",
    status: "passed",
    durationMs: run.now() - s0,
    detail: `Container listening on 127.0.0.1:${started.hostPort} \u2192 ${ctx.port}/tcp.`
  });
  e.firstServer = { hostPort: started.hostPort, h0: s0 };
  return void 0;
}

// src/smoke/steps/stop.ts
var stopGraceSeconds = (budgetMs) => Math.floor(budgetMs / 1e3) + 1;
async function measureStop(run, container, budget) {
  const s0 = run.now();
  const grace = stopGraceSeconds(budget);
  const r = await run.docker.exec(["stop", "-t", String(grace), container], {
    timeoutMs: 6e4 + grace * 1e3
  });
  const durationMs = run.now() - s0;
  const state = await containerState(run, container);
  const killed = state?.ExitCode === 137 || state?.OOMKilled === true;
  const how = state?.OOMKilled ? " (OOM killed)" : killed ? ` (SIGKILL after the ${grace} s grace period: SIGTERM was not handled)` : "";
  return {
    container,
    durationMs,
    exitCode: state?.ExitCode,
    killed,
    stopFailed: r.exitCode !== 0,
    slow: r.exitCode !== 0 || durationMs > budget,
    detail: `Stopped in ${seconds(durationMs)}, exit code ${state?.ExitCode ?? "?"}${how}.`
  };
}
async function stopStep(run, e) {
  const budget = run.options.shutdownBudgetMs ?? 5e3;
  let stop = await measureStop(run, e.web1, budget);
  const web2Started = await e.replacing;
  if (!stop.killed && stop.slow && web2Started.ok) {
    await e.reading.catch(() => void 0);
    if ((await waitForHttp(run, e.web2, web2Started.hostPort)).ok) {
      const again = await measureStop(run, e.web2, budget);
      if (again.killed || again.durationMs < stop.durationMs) stop = again;
    }
  }
  const { durationMs, detail, killed, stopFailed, exitCode } = stop;
  const measured = {
    kind: "stopped",
    engine: e.engine,
    durationMs,
    budgetMs: budget,
    killed,
    stopFailed
  };
  if (stop.killed || stop.slow) {
    const logTail = await containerLogs(run, stop.container);
    e.record({ name: "stop", status: "failed", durationMs, detail, logTail });
    e.judged.add("stop");
    run.observe({ ...measured, ...exitCode !== void 0 ? { exitCode } : {}, logTail });
  } else {
    e.record({ name: "stop", status: "passed", durationMs, detail });
    run.observe({ ...measured, ...exitCode !== void 0 ? { exitCode } : {} });
  }
}

// src/smoke/steps/tables.ts
function startTablesQuery(run, e) {
  const pg = e.postgres;
  if (e.engine !== "postgres" || !pg) return;
  const s0 = run.now();
  const query = run.docker.exec(
    [
      "exec",
      pg.container,
      "psql",
      "-U",
      pg.creds.user,
      "-d",
      pg.creds.name,
      "-tAc",
      "select count(*) from django_migrations"
    ],
    { timeoutMs: 3e4 }
  );
  const tables = { query, s0 };
  e.tables = tables;
  query.then(
    () => tables.durationMs = run.now() - s0,
    () => void 0
  );
}
async function tablesStep(run, e) {
  if (!e.tables) return;
  const r = await e.tables.query;
  const count = Number(r.stdout.trim());
  const durationMs = e.tables.durationMs ?? run.now() - e.tables.s0;
  if (r.exitCode === 0 && count > 0) {
    e.record({
      name: "tables",
      status: "passed",
      durationMs,
      detail: `${count} migrations recorded in PostgreSQL.`
    });
    return;
  }
  const why = r.exitCode === 0 ? "django_migrations is empty in PostgreSQL" : "PostgreSQL has no django_migrations table";
  e.record({
    name: "tables",
    status: "failed",
    durationMs,
    detail: `${why}: the app migrated another database.`,
    logTail: run.redactor.redact(tail(`${r.stdout}
${r.stderr}`))
  });
  e.judged.add("tables");
  run.observe({ kind: "tables-missing", engine: e.engine, why });
}

// src/smoke/engine.ts
var PATH = [
  async (run, e) => {
    const failed = await migrateStep(run, e);
    if (!failed) startTablesQuery(run, e);
    return failed;
  },
  serveStep,
  probeStep,
  async (run, e) => {
    await stopStep(run, e);
    await persistStep(run, e);
    await tablesStep(run, e);
    return void 0;
  }
];
async function runEngine(run, engine, postgres, pgCreds) {
  const e = new EngineRun(run, engine);
  run.engines[engine] = e.result;
  try {
    const net = await run.ensureNetwork(engine);
    if (net.exitCode !== 0 && engine !== "postgres")
      throw new Error(`docker network create failed: ${net.stderr.trim()}`);
    if (net.exitCode === 0) {
      const ctx = await engineContext(run, engine, pgCreds);
      e.ctx = ctx;
      e.release = startRelease(run, ctx, e.probeUser, postgres);
      e.deployCheck = e.release.then((r) => checkDeployStep(run, e, r.check));
      e.deployCheck.catch(() => void 0);
    }
    if (postgres && !await databaseStep(run, e, postgres)) return;
    if (!e.ctx) throw new Error(`docker network create failed: ${net.stderr.trim()}`);
    for (const step of PATH) {
      const failed = await step(run, e);
      if (!failed) continue;
      await tablesStep(run, e);
      return pathFailed(run, e, failed);
    }
  } catch (error) {
    if (error instanceof Cancelled) {
      e.result.status = "failed";
      e.result.reason = "The smoke test was stopped before this engine finished.";
      throw error;
    }
    e.result.status = "failed";
    e.result.reason = run.redactor.redact(`The smoke test could not run: ${error.message}`);
    e.skipRest("not run");
  } finally {
    await endEngine(run, e);
  }
}
function pathFailed(run, e, failed) {
  e.result.status = "failed";
  e.result.reason = run.redactor.redact(stepSentence(failed.step, failed.why));
  run.observe({
    kind: "engine-failed",
    engine: e.engine,
    step: failed.step,
    why: run.redactor.redact(failed.why),
    ...failed.logTail !== void 0 ? { logTail: failed.logTail } : {},
    ...failed.exitCode !== void 0 ? { exitCode: failed.exitCode } : {}
  });
  e.skipRest(`${failed.step} failed`);
}
async function endEngine(run, e) {
  const { steps, result, order } = e;
  if (e.deployCheck) {
    const step = await e.deployCheck.catch(() => void 0);
    const at = steps.findIndex((s) => s.name === "check-deploy");
    if (at >= 0) steps.splice(at, 1);
    e.record(step ?? skipped("check-deploy", "not run"));
  }
  steps.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const failedSteps = steps.filter((s) => s.status === "failed");
  if (result.status === "passed" && failedSteps.length) {
    result.reason = failedSteps.map((s) => stepSentence(s.name, s.detail ?? "failed")).join(" ");
    if (failedSteps.some((s) => !e.judged.has(s.name))) result.status = "failed";
  }
  if (result.status === "passed") run.settledBySeverity.add(e.engine);
  result.durationMs = run.now() - e.t0;
  run.finished.add(e.engine);
  if (!run.settledBySeverity.has(e.engine)) logEngine(run, result);
  await removeEngineObjects(run, e.engine);
}
function stepSentence(step, detail) {
  const text = detail.trim().replace(/[.;:,]+$/, "");
  return `${step[0].toUpperCase()}${step.slice(1)}: ${text}.`;
}
function logEngine(run, result) {
  run.log.info(`${result.engine}: ${result.status}${result.reason ? ` (${result.reason})` : ""}`);
}

// src/smoke/postgres.ts
function postgresCredentials(run) {
  const creds = {
    host: run.name("postgres", "db"),
    port: 5432,
    name: `tfr_${run.random(4)}`,
    user: `tfr_${run.random(4)}`,
    password: run.random(18)
  };
  run.redactor.add(creds.password);
  return creds;
}
function postgresImage(run) {
  if (run.options.postgresImage) return run.options.postgresImage;
  const service = run.app.compose?.services.find((s) => s.role === "postgres" && s.image && !s.build);
  return service?.image?.value ?? "postgres:16-alpine";
}
async function startPostgres(run, creds) {
  const t0 = run.now();
  const image = postgresImage(run);
  const container = creds.host;
  const [net, dataVolumes] = await Promise.all([
    run.ensureNetwork("postgres"),
    postgresDataVolumes(run, image)
  ]);
  if (net.exitCode !== 0) throw new Error(`docker network create failed: ${net.stderr.trim()}`);
  const r = await run.docker.exec(
    [
      "run",
      "-d",
      "--name",
      container,
      "--label",
      run.label,
      "--network",
      run.network("postgres"),
      ...containerLimitArgs(run.limits, POSTGRES_MIN_MEMORY),
      // The database is thrown away after the run: in memory it initialises in about half the time and commits
      // without waiting for the disk.
      ...dataVolumes.flatMap((v) => ["--tmpfs", v]),
      "-e",
      "POSTGRES_PASSWORD",
      "-e",
      "POSTGRES_USER",
      "-e",
      "POSTGRES_DB",
      image
    ],
    {
      timeoutMs: 10 * 6e4,
      env: { POSTGRES_PASSWORD: creds.password, POSTGRES_USER: creds.user, POSTGRES_DB: creds.name }
    }
  );
  if (r.exitCode !== 0) throw new Error(`PostgreSQL (${image}) did not start: ${tail(r.stderr, 5)}`);
  await waitForPostgres(run, container, creds, image);
  return { creds, container, ms: run.now() - t0, image };
}
async function postgresDataVolumes(run, image) {
  const inspect = () => run.docker.exec(["image", "inspect", "--format", "{{json .Config}}", image], { timeoutMs: 3e4 });
  let r = await inspect();
  if (r.exitCode !== 0) {
    const pull = await run.docker.exec(["pull", image], { timeoutMs: 10 * 6e4 });
    if (pull.exitCode !== 0)
      throw new Error(`PostgreSQL (${image}) did not start: ${tail(`${pull.stdout}
${pull.stderr}`, 5)}`);
    r = await inspect();
  }
  try {
    return Object.keys(JSON.parse(r.stdout.trim() || "{}").Volumes ?? {});
  } catch {
    return [];
  }
}
async function waitForPostgres(run, container, creds, image) {
  const readyTimeoutMs = run.options.postgresReadyTimeoutMs ?? 12e4;
  const deadline = run.now() + readyTimeoutMs;
  const isready = ["pg_isready", "-q", "-h", "127.0.0.1", "-U", creds.user, "-d", creds.name];
  const notReady = async (why) => {
    const logs = await containerLogs(run, container);
    return new Error(`PostgreSQL (${image}) ${why}.
${logs}`);
  };
  const timeout = `did not become ready (pg_isready) within ${seconds(readyTimeoutMs)}`;
  const attempts = Math.max(1, Math.ceil(readyTimeoutMs / 100));
  const loop = await run.docker.exec(
    [
      "exec",
      container,
      "sh",
      "-c",
      `i=0; until "$@"; do i=$((i+1)); [ "$i" -ge ${attempts} ] && exit 75; sleep 0.1 || sleep 1; done`,
      "sh",
      ...isready
    ],
    { timeoutMs: readyTimeoutMs + 15e3 }
  );
  if (loop.exitCode === 0) return;
  if (loop.exitCode === 75 || loop.timedOut) throw await notReady(timeout);
  const state = await containerState(run, container);
  if (!state?.Running) throw await notReady("exited during startup");
  for (; ; ) {
    const ready = await run.docker.exec(["exec", container, ...isready], { timeoutMs: 15e3 });
    if (ready.exitCode === 0) return;
    if (/is not running|No such container/i.test(ready.stderr)) throw await notReady("exited during startup");
    if (run.now() > deadline) throw await notReady(timeout);
    await run.sleep(100);
  }
}

// src/smoke/steps/image-facts.ts
var PACKAGES_MARKER = "tfr-packages:";
var PACKAGES_SCRIPT = [
  "import json, importlib.metadata as m",
  `print(${JSON.stringify(PACKAGES_MARKER)} + json.dumps({d.metadata['Name']: d.version for d in m.distributions() if d.metadata['Name']}))`
].join("\n");
async function observeImageFacts(run) {
  await Promise.all([
    installedPackages(run).then((o) => o && run.observe(o)),
    resolvedBaseImage(run).then((o) => o && run.observe(o))
  ]).catch((error) => run.log.debug?.(`image facts: ${error.message}`));
}
async function installedPackages(run) {
  const r = await run.docker.exec(
    [
      "run",
      "--rm",
      "--name",
      run.name("facts"),
      "--label",
      run.label,
      ...containerLimitArgs(run.limits),
      "--network",
      "none",
      "--entrypoint",
      "sh",
      run.imageRef,
      "-c",
      'exec "$(command -v python3 || command -v python)" -c "$1"',
      "sh",
      PACKAGES_SCRIPT
    ],
    { timeoutMs: run.oneOffTimeoutMs }
  );
  if (r.timedOut) await run.docker.exec(["rm", "-f", "-v", run.name("facts")], { timeoutMs: 6e4 });
  return r.exitCode === 0 ? parseInstalled(r.stdout) : void 0;
}
function parseInstalled(stdout) {
  const line = stdout.split("\n").find((l) => l.startsWith(PACKAGES_MARKER));
  if (!line) return void 0;
  try {
    const parsed = JSON.parse(line.slice(PACKAGES_MARKER.length));
    if (!parsed || typeof parsed !== "object") return void 0;
    const packages = {};
    for (const [name, version] of Object.entries(parsed))
      if (typeof version === "string" && /^[\w.+!-]+$/.test(version)) packages[name] = version;
    return { kind: "installed-packages", packages };
  } catch {
    return void 0;
  }
}
async function resolvedBaseImage(run) {
  const df = run.app.dockerfile;
  const from = df && lineage(df)[0]?.from;
  if (!df || !from || from.scratch || from.stageRef !== void 0) return void 0;
  const args = {};
  for (const [k, v] of Object.entries(run.app.compose?.appService?.build?.args ?? {}))
    if (v !== void 0) args[k] = v;
  Object.assign(args, run.options.buildArgs ?? {});
  if (buildSource(run.app).dockerfile !== df.file) return void 0;
  const ref = resolvedRef(from.raw, df.globalArgs, args);
  if (!ref) return void 0;
  const r = await run.docker.exec(["image", "inspect", "--format", "{{json .}}", ref], {
    timeoutMs: 3e4
  });
  return r.exitCode === 0 ? parseBaseImage(ref, r.stdout) : void 0;
}
function resolvedRef(raw, globalArgs, buildArgs) {
  const image = raw.trim().split(/\s+/).filter((w) => !w.startsWith("--"))[0];
  if (!image) return void 0;
  const ref = expand(image, (name) => {
    const value = buildArgs[name] ?? globalArgs.findLast((a) => a.name === name)?.default;
    return value === void 0 ? UNSET : { kind: "value", value };
  });
  return ref === "" ? void 0 : ref;
}
function parseBaseImage(ref, json) {
  let image;
  try {
    image = JSON.parse(json);
  } catch {
    return void 0;
  }
  if (typeof image.Id !== "string") return void 0;
  const repository = ref.replace(/@.*$/, "").replace(/:[^/:]*$/, "");
  const digests = Array.isArray(image.RepoDigests) ? image.RepoDigests.filter((d) => typeof d === "string") : [];
  const mine = digests.find(
    (d) => d.slice(0, d.indexOf("@")) === repository || sameRepository(d, repository)
  );
  const digest = mine && /@(sha256:[0-9a-f]{64})$/.exec(mine)?.[1];
  return { kind: "base-image", ref, id: image.Id, ...digest ? { digest } : {} };
}
function sameRepository(repoDigest, repository) {
  const strip = (r) => r.replace(/^docker\.io\//, "").replace(/^library\//, "");
  return strip(repoDigest.slice(0, repoDigest.indexOf("@"))) === strip(repository);
}

// src/smoke/smoke-run.ts
var ENGINES = ["sqlite", "postgres"];
function engineList(run) {
  return (run.options.engines ?? [...ENGINES]).filter((e, i, all) => all.indexOf(e) === i);
}
async function executeRun(run, rules) {
  const engines = engineList(run);
  const info = await run.docker.exec(["info", "--format", "{{.NCPU}}"], { timeoutMs: 3e4 });
  run.limits = capCpus(run.limits, info.exitCode === 0 ? Number(info.stdout.trim()) : Number.NaN);
  const pgCreds = engines.includes("postgres") ? postgresCredentials(run) : void 0;
  const postgres = pgCreds ? startPostgres(run, pgCreds) : void 0;
  postgres?.catch(() => void 0);
  if (engines.includes("sqlite")) run.ensureNetwork("sqlite").catch(() => void 0);
  const built = await buildImage(run);
  if (!built) {
    for (const e of engines) run.engines[e] = skippedEngine(e, "The image did not build.");
    return finishRun(run, rules, "The image did not build.");
  }
  await Promise.all([
    ...engines.map((e) => e === "postgres" ? runEngine(run, e, postgres, pgCreds) : runEngine(run, e)),
    observeImageFacts(run)
  ]);
  return finishRun(run, rules);
}
function finishRun(run, rules, reason) {
  for (const e of Object.values(run.engines)) {
    if (e && !run.finished.has(e.engine) && e.status !== "skipped") {
      e.status = "failed";
      e.reason = reason ?? "Not finished.";
      e.durationMs = run.now() - run.started;
    }
  }
  for (const e of engineList(run)) run.engines[e] ??= skippedEngine(e, reason ?? "Not run.");
  const context = smokeContext(run);
  for (const e of Object.values(run.engines))
    if (e && e.status === "passed" && run.settledBySeverity.has(e.engine)) {
      settle(e, rules, run, context);
      logEngine(run, e);
    }
  const statuses = Object.values(run.engines).map((e) => e.status);
  const failed = run.build?.status === "failed" || statuses.includes("failed") || !!reason;
  const result = {
    status: failed ? "failed" : statuses.every((s) => s === "skipped") ? "skipped" : statuses.includes("warnings") ? "warnings" : "passed",
    ...reason ? { reason } : {},
    app: run.app.dir,
    ...run.build ? { build: run.build } : {},
    // A copy: engines cut short by a timeout may still record their last steps after this returns.
    engines: structuredClone(run.engines),
    durationMs: run.now() - run.started
  };
  return { result, findings: judge(run, rules, context), facts: runFactsOf(run.observations) };
}
function settle(e, rules, run, context) {
  const seen = run.observations.filter((o) => "engine" in o && o.engine === e.engine);
  const severities = new Set(rules.filter((r) => r.judge(seen, context).length > 0).map((r) => r.severity));
  e.status = severities.has("error") ? "failed" : severities.has("warning") ? "warnings" : "passed";
  if (e.status === "passed") delete e.reason;
}
function skippedEngine(engine, reason) {
  return { engine, status: "skipped", reason, durationMs: 0, steps: [] };
}
function smokeContext(run) {
  return {
    app: run.app,
    dockerfile: run.dockerfile,
    ...run.settings ? { settings: run.settings } : {},
    ...run.image?.User !== void 0 ? { imageUser: run.image.User } : {}
  };
}
function judge(run, rules, context) {
  const observations = [...run.observations];
  return rules.flatMap(
    (rule) => rule.judge(observations, context).map(({ related, ...raw }) => {
      const finding = stamp(rule, {
        ...raw,
        message: run.redactor.redact(raw.message),
        // The parts too, each on its own: a secret the rule put in a value must not survive in them.
        ...raw.parts ? { parts: raw.parts.map((p) => ({ ...p, text: run.redactor.redact(p.text) })) } : {},
        ...raw.details ? { details: run.redactor.redact(raw.details) } : {}
      });
      return related ? { ...finding, related } : finding;
    })
  );
}

// src/smoke/scheduler.ts
var silentLog = { info: () => void 0 };
function newRunId() {
  return (0, import_node_crypto.randomBytes)(4).toString("hex");
}
var skippedOutcome = (reason) => ({
  result: { status: "skipped", reason, engines: {}, durationMs: 0 },
  findings: []
});
async function runSmoke(project, options, docker, log = silentLog) {
  const app = project.apps.find((a) => a.dockerfile);
  if (!app?.dockerfile)
    return skippedOutcome("No Dockerfile was found for the app, so there is no image to build and run.");
  const refused = outsideBuildSource(project.root, app);
  if (refused) return skippedOutcome(refused);
  const runId = (options.runId ?? newRunId()).toLowerCase();
  const redactor = options.redactor ?? new Redactor(options.onSecret);
  const rules = options.rules ?? DYNAMIC_RULES;
  const guard = new CommandGuard(docker, log, redactor);
  const run = new RunState(
    project,
    app,
    buildSource(app).dockerfile,
    options,
    guard.docker,
    log,
    redactor,
    runId,
    `tfr-${runId}-app:latest`,
    options.random ?? ((n) => (0, import_node_crypto.randomBytes)(n).toString("hex")),
    options.now ?? Date.now,
    app.settings ? withBases(app.settings, app.settingsBases) : void 0,
    options.limits ?? DEFAULT_LIMITS,
    options.http ?? nodeHttpProbe
  );
  const cleanup = onceCleanup(run, guard, docker);
  const signals = ["SIGINT", "SIGTERM"];
  const onSignal = (signal) => {
    log.info(`Received ${signal}: removing the smoke test's containers, networks and volumes.`);
    void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  if (options.handleSignals !== false) for (const s of signals) process.on(s, onSignal);
  let timer;
  try {
    const timeoutMs = options.timeoutMs ?? 30 * 6e4;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const outcome = await Promise.race([executeRun(run, rules), timedOut]);
    if (outcome !== "timeout") return outcome;
    guard.cancelled = true;
    return finishRun(
      run,
      rules,
      `The smoke test did not finish within ${seconds(timeoutMs)}; it was stopped.`
    );
  } catch (error) {
    if (error instanceof Cancelled) return finishRun(run, rules, "The smoke test was stopped.");
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    await cleanup();
    if (options.handleSignals !== false) for (const s of signals) process.off(s, onSignal);
  }
}
var CommandGuard = class {
  cancelled = false;
  abort = new AbortController();
  inFlight = /* @__PURE__ */ new Set();
  docker;
  constructor(docker, log, redactor) {
    this.docker = {
      exec: async (args, opts) => {
        if (this.cancelled) throw new Cancelled("the smoke run was stopped");
        const p = docker.exec(args, { ...opts, signal: this.abort.signal });
        this.inFlight.add(p);
        const r = await p.finally(() => this.inFlight.delete(p));
        if (this.cancelled) throw new Cancelled("the smoke run was stopped", r);
        log.debug?.(`docker ${redactor.redact(args.join(" "))} \u2192 ${r.exitCode}`);
        return r;
      }
    };
  }
  /** Stops every command, and waits (at most 10 s) for those under way to end. */
  stop() {
    this.cancelled = true;
    this.abort.abort();
    return Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((r) => setTimeout(r, 1e4).unref())
    ]);
  }
};
var LATE_OBJECTS_MS = 500;
function addReports(a, b) {
  return {
    containers: a.containers + b.containers,
    networks: a.networks + b.networks,
    volumes: a.volumes + b.volumes,
    images: a.images + b.images,
    errors: [...a.errors, ...b.errors]
  };
}
function onceCleanup(run, guard, docker) {
  let cleanupPromise;
  return () => {
    const interrupted = guard.inFlight.size > 0;
    const settled = guard.stop();
    cleanupPromise ??= settled.then(() => run.stagedContext?.remove()).then(() => removeRun(docker, run.runId, { keepImage: run.options.keepImage })).then(async (first) => {
      if (!interrupted) return first;
      await new Promise((r) => setTimeout(r, LATE_OBJECTS_MS));
      return addReports(first, await removeRun(docker, run.runId, { keepImage: run.options.keepImage }));
    }).then(async (r) => {
      if (run.classicBuild) r.images += await removeBuildLayers(docker, run.classicBuild);
      const early = run.removed;
      run.log.info(
        `Cleanup: removed ${r.containers + early.containers} container(s), ${r.networks + early.networks} network(s), ${r.volumes + early.volumes} volume(s), ${r.images} image(s).`
      );
      for (const e of r.errors) run.log.debug?.(`cleanup: ${run.redactor.redact(e)}`);
      return r;
    });
    return cleanupPromise;
  };
}
export {
  DEFAULT_LIMITS,
  ENGINES,
  RUN_LABEL,
  Redactor,
  SMOKE_LAYERS_STATE_KEY,
  SMOKE_STATE_KEY,
  createDockerCli,
  locateBuildFailure,
  newRunId,
  nodeHttpProbe,
  parseDeployCheck,
  planEnv,
  removeRun,
  runSmoke
};
