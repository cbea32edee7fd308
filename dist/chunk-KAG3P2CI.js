import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  DEFAULT_LIMITS,
  POSTGRES_MIN_MEMORY,
  Redactor,
  UnsafePathError,
  capCpus,
  classicBuildLimitArgs,
  containerLimitArgs,
  findRule,
  formatMemory,
  isSecretName,
  readInside,
  resolveInside,
  stamp,
  tail,
  withBases
} from "./chunk-V5OMEQG5.js";
import {
  RUN_LABEL,
  removeBuildLayers,
  removeRun
} from "./chunk-CR4OBGVQ.js";

// src/smoke/index.ts
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path2 from "node:path";

// src/smoke/build.ts
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  symlink
} from "node:fs/promises";
import path from "node:path";
var normalize = (s) => s.replace(/\s+/g, " ").trim();
function dockerfileInstructions(text) {
  const out = [];
  const lines = text.split(/\r?\n/);
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
  await mkdir(tempDir, { recursive: true });
  const stage = await mkdtemp(path.join(tempDir, "tfr-context-"));
  let removed;
  const remove = () => removed ??= rm(stage, { recursive: true, force: true });
  try {
    const destination = path.join(stage, "context");
    await mkdir(destination);
    await copyTree(path.resolve(contextDir), destination, path.resolve(stage));
    const rel = path.relative(path.resolve(contextDir), path.resolve(dockerfile));
    const inside = rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
    const staged = inside && !rel.split(path.sep).includes(NEVER_STAGED) ? path.join(destination, rel) : dockerfile;
    return { context: destination, dockerfile: staged, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
async function copyTree(from, to, skip) {
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT") return;
    throw error;
  }
  for (const e of entries) {
    if (e.name === NEVER_STAGED) continue;
    const source = path.join(from, e.name);
    const target = path.join(to, e.name);
    if (source === skip) continue;
    if (e.isDirectory()) {
      await mkdir(target);
      await copyTree(source, target, skip);
      await chmod(target, (await lstat(source)).mode & 4095 | 448);
    } else if (e.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else if (e.isFile()) {
      try {
        await link(source, target);
      } catch {
        await copyFile(source, target);
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
  /** The record so far, with the last unterminated line read too. */
  result() {
    if (this.partial) {
      this.line(this.partial);
      this.partial = "";
    }
    return { ...this.record, created: [...this.record.created] };
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
    this.record.lastLayer = layer[1];
    delete this.record.pendingStep;
    delete this.record.stepContainer;
  }
};

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
  const selected = configs.find((c) => c.selectedBy?.variable === variable && wanted(c.engine));
  if (selected?.selectedBy) return selected.selectedBy.value;
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
    if (e.value === void 0 || isSecretName(e.name)) continue;
    if (dbFieldOfName(e.name) || /ENGINE$/.test(e.name) || DB_URL.test(e.value)) continue;
    env[e.name] = e.value;
  }
  const selection = settings?.databases?.selection;
  const engineVars = /* @__PURE__ */ new Set([DEFAULT_ENGINE_VAR]);
  if (selection?.kind === "env") engineVars.add(selection.variable);
  for (const v of engineVars) set(v, engineValue(settings, v, engine));
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
      if (!engineVars.has(name)) set(name, value(field), field === "password");
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
  for (const v of secretKeyVars) if (!ours.has(v)) set(v, input.random(32), true);
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

// src/smoke/http.ts
import http from "node:http";
var MAX_BODY_BYTES = 64 * 1024;
var MAX_HEADER_BYTES = 16 * 1024;
var nodeHttpProbe = (port, path3, timeoutMs) => new Promise((resolve) => {
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
  const req = http.get(
    { host: "127.0.0.1", port, path: path3, agent: false, headers, maxHeaderSize: MAX_HEADER_BYTES },
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

// src/smoke/index.ts
var ENGINES = ["sqlite", "postgres"];
function newRunId() {
  return randomBytes(4).toString("hex");
}
var silentLog = { info: () => void 0 };
var Cancelled = class extends Error {
  /** What the command that was cut short had printed, when one was. */
  constructor(message, partial) {
    super(message);
    this.partial = partial;
  }
  partial;
};
var MISSING_TABLE = /no such table|relation "[^"]+" does not exist|table '[^']+' doesn't exist/i;
var SQLITE_NOT_WRITABLE = /unable to open database file|attempt to write a readonly database/i;
var DB_CONNECTION_ERROR = /could not translate host name|could not connect to server|connection to server at|connection refused|Is the server running|name or service not known|psycopg2?\.OperationalError|OperationalError: .*(host|connect)|Can't connect to MySQL|Unknown MySQL server host/i;
var ADVICE = {
  migrate: "Make every database setting come from the environment, and check that migrations apply to an empty database.",
  start: "The container must start with only its environment: see the log in the details.",
  http: "The server must start and answer non-5xx responses on its port: see the log in the details."
};
var seconds = (ms) => `${(ms / 1e3).toFixed(1)} s`;
async function runSmoke(project, options, docker, log = silentLog) {
  const now = options.now ?? Date.now;
  const random = options.random ?? ((n) => randomBytes(n).toString("hex"));
  const started = now();
  const app = project.apps.find((a) => a.dockerfile);
  if (!app?.dockerfile) {
    return {
      result: {
        status: "skipped",
        reason: "No Dockerfile was found for the app, so there is no image to build and run.",
        engines: {},
        durationMs: 0
      },
      findings: []
    };
  }
  const refused = outsideBuildSource(project.root, app);
  if (refused)
    return { result: { status: "skipped", reason: refused, engines: {}, durationMs: 0 }, findings: [] };
  const runId = (options.runId ?? newRunId()).toLowerCase();
  const redactor = options.redactor ?? new Redactor(options.onSecret);
  let cancelled = false;
  const abort = new AbortController();
  const inFlight = /* @__PURE__ */ new Set();
  const guarded = {
    async exec(args, opts) {
      if (cancelled) throw new Cancelled("the smoke run was stopped");
      const p = docker.exec(args, { ...opts, signal: abort.signal });
      inFlight.add(p);
      const r = await p.finally(() => inFlight.delete(p));
      if (cancelled) throw new Cancelled("the smoke run was stopped", r);
      log.debug?.(`docker ${redactor.redact(args.join(" "))} \u2192 ${r.exitCode}`);
      return r;
    }
  };
  const imageTag = `tfr-${runId}-app:latest`;
  const run = new SmokeRun(project, app, options, guarded, log, redactor, runId, imageTag, random, now);
  let cleanupPromise;
  const cleanup = () => {
    cancelled = true;
    abort.abort();
    const settled = Promise.race([
      Promise.allSettled([...inFlight]),
      new Promise((r) => setTimeout(r, 1e4).unref())
    ]);
    cleanupPromise ??= settled.then(() => run.stagedContext?.remove()).then(() => removeRun(docker, runId, { keepImage: options.keepImage })).then(async (r) => {
      if (run.classicBuild) r.images += await removeBuildLayers(docker, run.classicBuild);
      const early = run.removed;
      log.info(
        `Cleanup: removed ${r.containers + early.containers} container(s), ${r.networks + early.networks} network(s), ${r.volumes + early.volumes} volume(s), ${r.images} image(s).`
      );
      for (const e of r.errors) log.debug?.(`cleanup: ${redactor.redact(e)}`);
      return r;
    });
    return cleanupPromise;
  };
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
    const outcome = await Promise.race([run.execute(), timedOut]);
    if (outcome === "timeout") {
      cancelled = true;
      return run.finish(`The smoke test did not finish within ${seconds(timeoutMs)}; it was stopped.`);
    }
    return outcome;
  } catch (error) {
    if (error instanceof Cancelled) return run.finish("The smoke test was stopped.");
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    await cleanup();
    if (options.handleSignals !== false) for (const s of signals) process.off(s, onSignal);
    void started;
  }
}
var SmokeRun = class {
  constructor(project, app, options, docker, log, redactor, runId, imageTag, random, now) {
    this.project = project;
    this.app = app;
    this.options = options;
    this.docker = docker;
    this.log = log;
    this.redactor = redactor;
    this.runId = runId;
    this.random = random;
    this.now = now;
    this.started = now();
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.http = options.http ?? nodeHttpProbe;
    this.dockerfile = buildSource(app).dockerfile;
    this.imageRef = imageTag;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    if (app.settings) this.settings = withBases(app.settings, app.settingsBases);
  }
  project;
  app;
  options;
  docker;
  log;
  redactor;
  runId;
  random;
  now;
  observations = [];
  engines = {};
  build;
  finished = /* @__PURE__ */ new Set();
  /** The layers the classic build committed, for the final cleanup to remove. */
  classicBuild;
  /** The build context copied without `.git`, while the build uses it. */
  stagedContext;
  /** What the engines removed themselves as they ended. */
  removed = { containers: 0, networks: 0, volumes: 0 };
  started;
  sleep;
  http;
  dockerfile;
  /** The settings as the app runs them, with what it star-imports from other settings modules. */
  settings;
  image;
  imageRef;
  /** The limits every container gets, CPUs capped at the engine's once known. */
  limits;
  get label() {
    return `${RUN_LABEL}=${this.runId}`;
  }
  name(...parts) {
    return ["tfr", this.runId, ...parts].join("-");
  }
  engineList() {
    return (this.options.engines ?? [...ENGINES]).filter((e, i, all) => all.indexOf(e) === i);
  }
  // ---------------------------------------------------------------- anchors (catalog's anchor column)
  get settingsAnchor() {
    const s = this.app.settings;
    return s ? { file: s.file } : { file: this.dockerfile, line: 1 };
  }
  /** The settings module that builds DATABASES: the settings module itself, or a base it star-imports. */
  get databasesModule() {
    const databases = this.settings?.databases;
    return [this.app.settings, ...[...this.app.settingsBases ?? []].reverse()].find(
      (m) => m?.databases && m.databases === databases
    );
  }
  get databasesAnchor() {
    const s = this.databasesModule;
    if (s?.databases) return { file: s.file, line: s.databases.line };
    return this.settingsAnchor;
  }
  get cmdAnchor() {
    const target = this.app.dockerfile?.targetStage;
    const cmd = target?.cmd ?? target?.entrypoint;
    if (cmd) return { file: this.app.dockerfile.file, line: cmd.line };
    if (target) return { file: this.app.dockerfile.file, line: target.from.line };
    return { file: this.dockerfile, line: 1 };
  }
  get sqlitePathAnchor() {
    const s = this.databasesModule;
    const sqlite = s?.databases?.configs.find((c) => c.engine?.includes("sqlite"));
    const name = sqlite?.fields.NAME;
    if (s && name) return { file: s.file, line: name.line };
    if (s && sqlite) return { file: s.file, line: sqlite.line };
    return { file: this.dockerfile, line: 1 };
  }
  // ---------------------------------------------------------------- the run
  async execute() {
    const engines = this.engineList();
    const info = await this.docker.exec(["info", "--format", "{{.NCPU}}"], { timeoutMs: 3e4 });
    this.limits = capCpus(this.limits, info.exitCode === 0 ? Number(info.stdout.trim()) : Number.NaN);
    const pgCreds = engines.includes("postgres") ? this.postgresCredentials() : void 0;
    const postgres = pgCreds ? this.startPostgres(pgCreds) : void 0;
    postgres?.catch(() => void 0);
    if (engines.includes("sqlite")) this.ensureNetwork("sqlite").catch(() => void 0);
    const built = await this.buildImage();
    if (!built) {
      for (const e of engines) this.engines[e] = this.skippedEngine(e, "The image did not build.");
      return this.finish("The image did not build.");
    }
    await Promise.all(
      engines.map((e) => e === "postgres" ? this.runEngine(e, postgres, pgCreds) : this.runEngine(e))
    );
    return this.finish();
  }
  /** The result and findings as they stand; engines that never ran are marked skipped. */
  finish(reason) {
    for (const e of Object.values(this.engines)) {
      if (e && !this.finished.has(e.engine) && e.status !== "skipped") {
        e.status = "failed";
        e.reason = reason ?? "Not finished.";
        e.durationMs = this.now() - this.started;
      }
    }
    for (const e of this.engineList()) this.engines[e] ??= this.skippedEngine(e, reason ?? "Not run.");
    const statuses = Object.values(this.engines).map((e) => e.status);
    const failed = this.build?.status === "failed" || statuses.includes("failed") || !!reason;
    const result = {
      status: failed ? "failed" : statuses.every((s) => s === "skipped") ? "skipped" : "passed",
      ...reason ? { reason } : {},
      app: this.app.dir,
      ...this.build ? { build: this.build } : {},
      // A copy: engines cut short by a timeout may still record their last steps after this returns.
      engines: structuredClone(this.engines),
      durationMs: this.now() - this.started
    };
    return { result, findings: this.findings() };
  }
  skippedEngine(engine, reason) {
    return { engine, status: "skipped", reason, durationMs: 0, steps: [] };
  }
  findings() {
    const merged = /* @__PURE__ */ new Map();
    for (const o of this.observations) {
      const key = `${o.ruleId}\0${o.key ?? ""}`;
      const seen = merged.get(key);
      if (seen) {
        if (!seen.engines.includes(o.engine)) seen.engines.push(o.engine);
        continue;
      }
      merged.set(key, { ...o, engines: [o.engine] });
    }
    const out = [];
    for (const o of merged.values()) {
      const rule = findRule(o.ruleId);
      const scope = o.ruleId === "TF0502" ? "" : ` (${o.engines.join(" and ")})`;
      const raw = {
        file: o.anchor.file,
        ...o.anchor.line !== void 0 ? { line: o.anchor.line } : {},
        message: this.redactor.redact(o.message + (o.ruleId === "TF1302" ? "" : scope)),
        // What merged the observations identifies the finding: not the timings nor the engines in its message.
        key: o.key ?? "",
        ...o.details ? { details: this.redactor.redact(o.details) } : {}
      };
      const f = stamp(rule, raw);
      out.push(o.related ? { ...f, related: o.related } : f);
    }
    return out;
  }
  // ---------------------------------------------------------------- build
  async buildImage() {
    const t0 = this.now();
    const composeBuild = this.app.compose?.appService?.build;
    const root = this.project.root;
    const { contextDir } = buildSource(this.app);
    const args = {};
    for (const [k, v] of Object.entries(composeBuild?.args ?? {})) if (v !== void 0) args[k] = v;
    Object.assign(args, this.options.buildArgs ?? {});
    const target = composeBuild?.target;
    const staged = await stageBuildContext(
      path2.join(root, contextDir),
      path2.join(root, this.dockerfile),
      this.options.tempDir ?? tmpdir()
    );
    this.stagedContext = staged;
    try {
      return await this.buildFrom(staged, target, args, t0);
    } finally {
      await staged.remove();
    }
  }
  async buildFrom(staged, target, args, t0) {
    const root = this.project.root;
    const common = [
      "-f",
      staged.dockerfile,
      "-t",
      this.imageRef,
      "--label",
      this.label,
      ...target ? ["--target", target] : [],
      ...Object.entries(args).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`])
    ];
    for (const [k, v] of Object.entries(args)) if (isSecretName(k)) this.redactor.add(v);
    const dockerfile = this.app.dockerfile;
    for (const i of [
      ...dockerfile?.globalArgs ?? [],
      ...(dockerfile?.stages ?? []).flatMap((st) => st.instructions)
    ]) {
      if ("pairs" in i && i.keyword === "ENV") {
        for (const p of i.pairs) if (isSecretName(p.name)) this.redactor.add(p.value);
      }
      if ("name" in i && i.keyword === "ARG" && isSecretName(i.name))
        for (const v of [i.default, i.value]) this.redactor.add(v);
    }
    const buildx = (await this.docker.exec(["buildx", "version"], { timeoutMs: 3e4 })).exitCode === 0;
    const argv = buildx ? ["buildx", "build", "--load", "--progress", "plain", ...common, staged.context] : ["build", "--force-rm", ...classicBuildLimitArgs(this.limits), ...common, staged.context];
    this.log.info(`Building the image from ${this.dockerfile} (${buildx ? "buildx" : "classic builder"})\u2026`);
    const buildLog = buildx ? void 0 : new ClassicBuildLog();
    const classicBuild = (cutShort, keep) => buildLog && { ...buildLog.result(), cutShort, startedAt, ...keep ? { keep } : {} };
    const startedAt = Date.now();
    let r;
    try {
      r = await this.docker.exec(argv, {
        timeoutMs: this.options.buildTimeoutMs ?? 20 * 6e4,
        env: buildx ? {} : { DOCKER_BUILDKIT: "0" },
        ...buildLog ? { onStdout: (chunk) => buildLog.feed(chunk) } : {}
      });
    } catch (error) {
      if (error instanceof Cancelled) this.classicBuild = classicBuild(true);
      throw error;
    }
    const logText = `${r.stdout}
${r.stderr}`;
    const durationMs = this.now() - t0;
    if (r.exitCode !== 0) {
      let dockerfileText;
      try {
        dockerfileText = (await readInside(root, this.dockerfile, { maxBytes: 2 * 1024 * 1024 })).toString(
          "utf8"
        );
      } catch {
        dockerfileText = void 0;
      }
      const failure = locateBuildFailure(logText, dockerfileText);
      const why = r.timedOut ? `did not finish within ${seconds(this.options.buildTimeoutMs ?? 20 * 6e4)}` : failure.instruction ? `failed at \`${failure.instruction}\`` : `failed (exit code ${r.exitCode})`;
      const logTail = this.redactor.redact(tail(logText, 40));
      this.build = { name: "build", status: "failed", durationMs, detail: `The build ${why}.`, logTail };
      this.observations.push({
        ruleId: "TF0502",
        engine: "sqlite",
        anchor: { file: this.dockerfile, ...failure.line ? { line: failure.line } : {} },
        message: `The image does not build: ${this.dockerfile} ${why}. Fix that instruction so \`docker build\` succeeds; the tail of the build log is in the details.`,
        details: logTail
      });
      this.log.info(`Build failed: ${why}.`);
      this.classicBuild = classicBuild(!!r.timedOut);
      return false;
    }
    this.classicBuild = classicBuild(false, this.options.keepImage ? this.imageRef : void 0);
    const idMatch = /Successfully built ([0-9a-f]{12,})|writing image (sha256:[0-9a-f]{64})/.exec(logText);
    this.build = {
      name: "build",
      status: "passed",
      durationMs,
      detail: `Built in ${seconds(durationMs)}${idMatch ? ` (${idMatch[1] ?? idMatch[2]})` : ""}.`
    };
    const inspect = await this.docker.exec(
      ["image", "inspect", "--format", "{{json .Config}}", this.imageRef],
      {
        timeoutMs: 3e4
      }
    );
    try {
      this.image = JSON.parse(inspect.stdout.trim() || "{}");
    } catch {
      this.image = {};
    }
    return true;
  }
  // ---------------------------------------------------------------- PostgreSQL
  postgresImage() {
    if (this.options.postgresImage) return this.options.postgresImage;
    const service = this.app.compose?.services.find((s) => s.role === "postgres" && s.image);
    return service?.image?.value ?? "postgres:16-alpine";
  }
  network(engine) {
    return this.name(engine, "net");
  }
  networkCreated = /* @__PURE__ */ new Map();
  /** Named volumes created for each engine. */
  engineVolumes = /* @__PURE__ */ new Map();
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
  /** Starts a fresh PostgreSQL with random credentials on the postgres engine's network and waits until it accepts. */
  /** Random credentials of the fresh PostgreSQL, masked from here on. */
  postgresCredentials() {
    const creds = {
      host: this.name("postgres", "db"),
      port: 5432,
      name: `tfr_${this.random(4)}`,
      user: `tfr_${this.random(4)}`,
      password: this.random(18)
    };
    this.redactor.add(creds.password);
    return creds;
  }
  async startPostgres(creds) {
    const t0 = this.now();
    const image = this.postgresImage();
    const container = creds.host;
    const [net, dataVolumes] = await Promise.all([
      this.ensureNetwork("postgres"),
      this.postgresDataVolumes(image)
    ]);
    if (net.exitCode !== 0) throw new Error(`docker network create failed: ${net.stderr.trim()}`);
    const r = await this.docker.exec(
      [
        "run",
        "-d",
        "--name",
        container,
        "--label",
        this.label,
        "--network",
        this.network("postgres"),
        ...containerLimitArgs(this.limits, POSTGRES_MIN_MEMORY),
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
    await this.waitForPostgres(container, creds, image);
    return { creds, container, ms: this.now() - t0, image };
  }
  /**
   * The PostgreSQL image's VOLUMEs, which hold its data directory in the official images (/var/lib/postgresql/data
   * up to 17, /var/lib/postgresql from 18). The image is pulled first when it is not here, as `docker run` would.
   */
  async postgresDataVolumes(image) {
    const inspect = () => this.docker.exec(["image", "inspect", "--format", "{{json .Config}}", image], { timeoutMs: 3e4 });
    let r = await inspect();
    if (r.exitCode !== 0) {
      const pull = await this.docker.exec(["pull", image], { timeoutMs: 10 * 6e4 });
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
  /**
   * Waits until PostgreSQL accepts TCP connections on 127.0.0.1 inside its container (the official image's init
   * server listens on the socket only). One `docker exec` polls with pg_isready in a shell loop; an image without a
   * shell is polled with one exec per attempt.
   */
  async waitForPostgres(container, creds, image) {
    const readyTimeoutMs = this.options.postgresReadyTimeoutMs ?? 12e4;
    const deadline = this.now() + readyTimeoutMs;
    const isready = ["pg_isready", "-q", "-h", "127.0.0.1", "-U", creds.user, "-d", creds.name];
    const notReady = async (why) => {
      const logs = await this.logs(container);
      return new Error(`PostgreSQL (${image}) ${why}.
${logs}`);
    };
    const timeout = `did not become ready (pg_isready) within ${seconds(readyTimeoutMs)}`;
    const attempts = Math.max(1, Math.ceil(readyTimeoutMs / 100));
    const loop = await this.docker.exec(
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
    const state = await this.state(container);
    if (!state?.Running) throw await notReady("exited during startup");
    for (; ; ) {
      const ready = await this.docker.exec(["exec", container, ...isready], { timeoutMs: 15e3 });
      if (ready.exitCode === 0) return;
      if (/is not running|No such container/i.test(ready.stderr))
        throw await notReady("exited during startup");
      if (this.now() > deadline) throw await notReady(timeout);
      await this.sleep(100);
    }
  }
  // ---------------------------------------------------------------- engine
  async runEngine(engine, postgres, pgCreds) {
    const t0 = this.now();
    const steps = [];
    const result = { engine, status: "passed", durationMs: 0, steps };
    this.engines[engine] = result;
    const order = engine === "postgres" ? ["database", "migrate", "start", "http", "stop", "persist", "tables", "check-deploy"] : ["migrate", "start", "http", "stop", "persist", "check-deploy"];
    const record = (step) => {
      step.detail = this.redactor.redact(step.detail);
      step.logTail = this.redactor.redact(step.logTail);
      steps.push(step);
      return step;
    };
    let deployCheck;
    const pathFailed = (stepName, why, logTail) => {
      result.status = "failed";
      result.reason = this.redactor.redact(`${stepName}: ${why}`);
      const rule = engine === "sqlite" ? "TF1001" : "TF1002";
      const setup = engine === "sqlite" ? "with DB_ENGINE=sqlite" : "with DB_ENGINE=postgres against a fresh PostgreSQL attached through environment variables";
      this.observations.push({
        ruleId: rule,
        engine,
        anchor: this.databasesAnchor,
        message: `The image does not migrate and serve ${setup}: step \`${stepName}\` failed (${this.redactor.redact(why)}). ${ADVICE[stepName] ?? ""}`.trim(),
        details: logTail
      });
      for (const name of order) {
        if (name === "check-deploy" && deployCheck) continue;
        if (!steps.some((s) => s.name === name)) record(skip(name, `${stepName} failed`));
      }
    };
    const skip = (name, why) => ({
      name,
      status: "skipped",
      durationMs: 0,
      detail: why
    });
    try {
      const net = await this.ensureNetwork(engine);
      if (net.exitCode !== 0 && engine !== "postgres")
        throw new Error(`docker network create failed: ${net.stderr.trim()}`);
      const ctx = net.exitCode === 0 ? await this.engineContext(engine, pgCreds) : void 0;
      const probeUser = `tfr-probe-${this.runId}-${engine}`;
      const gate = postgres?.then(
        () => "go\n",
        () => "stop\n"
      );
      const release = !ctx ? void 0 : !gate || !ctx.wrapperMayUseDatabase ? this.release(ctx, probeUser, gate) : gate.then(
        (line) => this.release(ctx, probeUser, line === "go\n" ? void 0 : Promise.resolve(line))
      );
      release?.catch(() => void 0);
      deployCheck = release?.then((r) => this.deployCheckStep(r.check, engine));
      deployCheck?.catch(() => void 0);
      let creds;
      let pgContainer;
      if (engine === "postgres") {
        try {
          const pg = await postgres;
          creds = pg.creds;
          pgContainer = pg.container;
          record({
            name: "database",
            status: "passed",
            durationMs: pg.ms,
            detail: `${pg.image} ready in ${seconds(pg.ms)}.`
          });
        } catch (error) {
          if (error instanceof Cancelled) throw error;
          result.status = "skipped";
          result.reason = this.redactor.redact(error.message.split("\n")[0]);
          record({
            name: "database",
            status: "failed",
            durationMs: this.now() - t0,
            detail: result.reason,
            logTail: this.redactor.redact(tail(error.message, 20))
          });
          for (const name of order.slice(1))
            if (name !== "check-deploy" || !deployCheck) record(skip(name, "PostgreSQL did not start"));
          return;
        }
      }
      if (!ctx || !release) throw new Error(`docker network create failed: ${net.stderr.trim()}`);
      const released = await release;
      const written = released.write;
      {
        const r = released.migrate;
        const out = `${r.stdout}
${r.stderr}`;
        const durationMs = r.durationMs ?? 0;
        if (r.exitCode !== 0) {
          const why = r.timedOut ? "did not finish in time" : `exit code ${r.exitCode}: ${lastErrorLine(out)}`;
          const logTail = this.redactor.redact(tail(out));
          record({ name: "migrate", status: "failed", durationMs, detail: `migrate ${why}`, logTail });
          this.observations.push({
            ruleId: "TF1201",
            engine,
            anchor: this.databasesAnchor,
            message: `\`manage.py migrate --noinput\` run as a one-off container from the image failed (${this.redactor.redact(why)}). The release must be able to migrate with only the environment it is given.${engine === "sqlite" && SQLITE_NOT_WRITABLE.test(out) ? ` ${this.sqliteNotWritable()}` : ""}`,
            details: logTail
          });
          if (engine === "sqlite" && DB_CONNECTION_ERROR.test(out)) {
            this.observations.push({
              ruleId: "TF0309",
              engine,
              anchor: this.databasesAnchor,
              message: "With DB_ENGINE=sqlite the app still tries to reach a database server. Select the engine from DB_ENGINE (or DATABASE_URL) so the image runs with no server at all.",
              details: logTail
            });
          }
          pathFailed("migrate", why, logTail);
          return;
        }
        record({
          name: "migrate",
          status: "passed",
          durationMs,
          detail: `Migrated in ${seconds(durationMs)}, then wrote a probe record in the same one-off.`
        });
      }
      let tables;
      if (engine === "postgres" && creds && pgContainer) {
        const s0 = this.now();
        const query = this.docker.exec(
          [
            "exec",
            pgContainer,
            "psql",
            "-U",
            creds.user,
            "-d",
            creds.name,
            "-tAc",
            "select count(*) from django_migrations"
          ],
          { timeoutMs: 3e4 }
        );
        tables = { query, s0 };
        query.then(
          () => tables.durationMs = this.now() - s0,
          () => void 0
        );
      }
      const web1 = this.name(engine, "web", "1");
      const web2 = this.name(engine, "web", "2");
      let web2Created;
      let replacing;
      let reading;
      let p0 = 0;
      let persistMs = 0;
      {
        const s0 = this.now();
        const started = await this.startServer(ctx, web1);
        if (!started.ok) {
          record({
            name: "start",
            status: "failed",
            durationMs: this.now() - s0,
            detail: started.why,
            logTail: started.logTail
          });
          pathFailed("start", started.why, started.logTail);
          return;
        }
        record({
          name: "start",
          status: "passed",
          durationMs: this.now() - s0,
          detail: `Container listening on 127.0.0.1:${started.hostPort} \u2192 ${ctx.port}/tcp.`
        });
        web2Created = this.createServer(ctx, web2);
        web2Created.catch(() => void 0);
        const h0 = this.now();
        const answered = await this.waitForHttp(web1, started.hostPort);
        const firstAnswerMs = this.now() - s0;
        if (!answered.ok) {
          const logTail = await this.logs(web1);
          record({
            name: "http",
            status: "failed",
            durationMs: this.now() - h0,
            detail: answered.why,
            logTail
          });
          this.observations.push({
            ruleId: "TF0703",
            engine,
            anchor: this.cmdAnchor,
            message: `The server never answered HTTP on port ${ctx.port} (${answered.why}). Bind it to 0.0.0.0:${ctx.port} (e.g. \`gunicorn -b 0.0.0.0:${ctx.port}\`), not 127.0.0.1, and make sure it starts.`,
            details: logTail
          });
          pathFailed("http", answered.why, logTail);
          return;
        }
        const budget2 = this.options.startupBudgetMs ?? 2e4;
        if (firstAnswerMs > budget2) {
          this.observations.push({
            ruleId: "TF0903",
            engine,
            anchor: this.cmdAnchor,
            message: `The server took ${seconds(firstAnswerMs)} to answer its first HTTP request, over the ${seconds(budget2)} startup budget. Move slow work (migrations, asset collection, waits) out of the start command.`
          });
        }
        p0 = this.now();
        replacing = this.startServer(ctx, web2, web2Created);
        replacing.catch(() => void 0);
        reading = written.exitCode === 0 ? replacing.then((st) => this.readBack(ctx, st.ok ? web2 : void 0, probeUser)).finally(() => persistMs = this.now() - p0) : Promise.resolve(void 0);
        reading.catch(() => void 0);
        const probes = await this.probe(started.hostPort);
        const detail = `First answer ${seconds(firstAnswerMs)} after start. ${probes.detail}`;
        if (probes.serverError) {
          await reading.catch(() => void 0);
          const logTail = await this.logs(web1);
          record({ name: "http", status: "failed", durationMs: this.now() - h0, detail, logTail });
          pathFailed("http", probes.detail, logTail);
          return;
        }
        record({ name: "http", status: "passed", durationMs: this.now() - h0, detail });
      }
      const budget = this.options.shutdownBudgetMs ?? 5e3;
      let stop = await this.measureStop(web1, budget);
      const web2Started = await replacing;
      if (!stop.killed && stop.slow && web2Started.ok) {
        await reading.catch(() => void 0);
        if ((await this.waitForHttp(web2, web2Started.hostPort)).ok) {
          const again = await this.measureStop(web2, budget);
          if (again.killed || again.durationMs < stop.durationMs) stop = again;
        }
      }
      if (stop.killed || stop.slow) {
        const logTail = await this.logs(stop.container);
        record({ name: "stop", status: "failed", durationMs: stop.durationMs, detail: stop.detail, logTail });
        this.observations.push({
          ruleId: "TF0902",
          engine,
          anchor: this.cmdAnchor,
          message: stop.killed ? `\`docker stop\` ended the server by SIGKILL after ${seconds(stop.durationMs)} (exit code ${stop.exitCode}): SIGTERM does not reach or stop it. Use the exec form of CMD, \`exec\` the server from entrypoint scripts, and let it exit on SIGTERM.` : `\`docker stop\` took ${seconds(stop.durationMs)}, over the ${seconds(budget)} shutdown budget. Make the server exit promptly on SIGTERM (exec form CMD, \`exec\` in scripts, a short graceful timeout).`,
          details: logTail
        });
      } else {
        record({ name: "stop", status: "passed", durationMs: stop.durationMs, detail: stop.detail });
      }
      {
        const read = await reading;
        const writeOut = `${written.stdout}
${written.stderr}`;
        const lost = (why, logTail) => {
          record({ name: "persist", status: "failed", durationMs: persistMs, detail: why, logTail });
          this.observations.push({
            ruleId: "TF0604",
            engine,
            anchor: this.sqlitePathAnchor,
            message: `Data written through the app is gone once its container is replaced (${why}). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server.`,
            details: logTail
          });
        };
        if (written.exitCode !== 0) {
          const logTail = this.redactor.redact(tail(writeOut));
          if (MISSING_TABLE.test(writeOut)) {
            lost(
              `the tables migrate had just created were missing when the probe record was written: ${lastErrorLine(writeOut)}`,
              logTail
            );
          } else {
            record({
              name: "persist",
              status: "skipped",
              durationMs: persistMs,
              detail: `Could not write a probe record through Django's user model (${lastErrorLine(writeOut)}).`,
              logTail
            });
          }
        } else {
          const readOut = `${read?.stdout ?? ""}
${read?.stderr ?? ""}`;
          if (read?.exitCode === 0 && readOut.includes("tfr-found")) {
            record({
              name: "persist",
              status: "passed",
              durationMs: persistMs,
              detail: read.in === "replacement" ? "A user written by a one-off container was read back in the replacement server container." : "A user written by a one-off container was read back by the next one-off, after the server container was replaced."
            });
          } else if (read?.exitCode === 0 || MISSING_TABLE.test(readOut)) {
            lost(
              read?.exitCode === 0 ? "a user written by a one-off container was not found by the next container" : `the table was gone in the next container: ${lastErrorLine(readOut)}`,
              this.redactor.redact(tail(readOut))
            );
          } else {
            record({
              name: "persist",
              status: "failed",
              durationMs: persistMs,
              detail: `Reading the probe record back failed (${lastErrorLine(readOut)}).`,
              logTail: this.redactor.redact(tail(readOut))
            });
          }
        }
      }
      if (tables) {
        const r = await tables.query;
        const count = Number(r.stdout.trim());
        const durationMs = tables.durationMs ?? this.now() - tables.s0;
        if (r.exitCode === 0 && count > 0) {
          record({
            name: "tables",
            status: "passed",
            durationMs,
            detail: `${count} migrations recorded in PostgreSQL.`
          });
        } else {
          const why = r.exitCode === 0 ? "django_migrations is empty in PostgreSQL" : "PostgreSQL has no django_migrations table";
          record({
            name: "tables",
            status: "failed",
            durationMs,
            detail: `${why}: the app migrated another database.`,
            logTail: this.redactor.redact(tail(`${r.stdout}
${r.stderr}`))
          });
          this.observations.push({
            ruleId: "TF0309",
            engine,
            anchor: this.databasesAnchor,
            message: `With DB_ENGINE=postgres and the PostgreSQL settings in the environment, the migrations did not land in PostgreSQL (${why}): the app kept another database. Build DATABASES from DB_ENGINE/DB_HOST/... or DATABASE_URL.`
          });
        }
      }
    } catch (error) {
      if (error instanceof Cancelled) {
        result.status = "failed";
        result.reason = "The smoke test was stopped before this engine finished.";
        throw error;
      }
      result.status = "failed";
      result.reason = this.redactor.redact(`The smoke test could not run: ${error.message}`);
      for (const name of order) if (!steps.some((s) => s.name === name)) record(skip(name, "not run"));
    } finally {
      if (deployCheck) {
        const step = await deployCheck.catch(() => void 0);
        const at = steps.findIndex((s) => s.name === "check-deploy");
        if (at >= 0) steps.splice(at, 1);
        record(step ?? skip("check-deploy", "not run"));
      }
      steps.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
      if (result.status === "passed" && steps.some((s) => s.status === "failed")) {
        result.status = "failed";
        result.reason = steps.filter((s) => s.status === "failed").map((s) => `${s.name}: ${s.detail ?? "failed"}`).join("; ");
      }
      result.durationMs = this.now() - t0;
      this.finished.add(engine);
      this.log.info(`${engine}: ${result.status}${result.reason ? ` (${result.reason})` : ""}`);
      const names = [this.name(engine, "web", "1"), this.name(engine, "web", "2")];
      if (engine === "postgres") names.push(this.name("postgres", "db"));
      const lines = (r) => (r?.stdout ?? "").split("\n").filter((l) => l.trim()).length;
      const removed = await this.docker.exec(["rm", "-f", "-v", ...names], { timeoutMs: 6e4 }).catch(() => void 0);
      this.removed.containers += lines(removed);
      const volumes = this.engineVolumes.get(engine) ?? [];
      if (removed?.exitCode === 0 || /No such container/i.test(removed?.stderr ?? ""))
        await Promise.all([
          this.docker.exec(["network", "rm", this.network(engine)], { timeoutMs: 6e4 }).then((r) => {
            if (r.exitCode === 0) this.removed.networks++;
          }),
          volumes.length ? this.docker.exec(["volume", "rm", ...volumes], { timeoutMs: 6e4 }).then((r) => this.removed.volumes += lines(r)) : void 0
        ]).catch(() => void 0);
    }
  }
  /** Why SQLite could not write its file, as far as the image tells. */
  sqliteNotWritable() {
    const user = this.image?.User;
    const who = user && !/^(root|0)(:|$)/.test(user) ? ` by the user the image runs as (USER ${user})` : "";
    return `The SQLite file cannot be created or written${who}: create its directory in the Dockerfile and \`chown\` it to that user before \`VOLUME\`, since a new volume takes the directory's owner.`;
  }
  /** `docker stop -t 10`, timed, with how the container ended. */
  async measureStop(container, budget) {
    const s0 = this.now();
    const r = await this.docker.exec(["stop", "-t", "10", container], { timeoutMs: 6e4 });
    const durationMs = this.now() - s0;
    const state = await this.state(container);
    const killed = state?.ExitCode === 137 || state?.OOMKilled === true;
    const how = state?.OOMKilled ? " (OOM killed)" : killed ? " (SIGKILL after the 10 s grace period: SIGTERM was not handled)" : "";
    return {
      container,
      durationMs,
      exitCode: state?.ExitCode,
      killed,
      slow: r.exitCode !== 0 || durationMs > budget,
      detail: `Stopped in ${seconds(durationMs)}, exit code ${state?.ExitCode ?? "?"}${how}.`
    };
  }
  /** check --deploy (TF1302), from its part of the release one-off. */
  deployCheckStep(r, engine) {
    const out = `${r.stdout}
${r.stderr}`;
    const durationMs = r.durationMs ?? 0;
    const issues = parseDeployCheck(out);
    for (const issue of issues) {
      this.observations.push({
        ruleId: "TF1302",
        engine,
        key: issue.id,
        anchor: this.settingsAnchor,
        message: `\`manage.py check --deploy\` reports ${issue.id}: ${issue.message}`,
        related: [issue.id]
      });
    }
    if (r.exitCode !== 0 && issues.every((i) => i.level === "warning")) {
      return {
        name: "check-deploy",
        status: "failed",
        durationMs,
        detail: `\`manage.py check --deploy\` could not run (exit code ${r.exitCode}: ${lastErrorLine(out)}).`,
        logTail: this.redactor.redact(tail(out))
      };
    }
    return {
      name: "check-deploy",
      status: "passed",
      durationMs,
      detail: issues.length ? `${issues.length} issue(s): ${issues.map((i) => i.id).join(", ")}.` : "No issues."
    };
  }
  // ---------------------------------------------------------------- containers
  async engineContext(engine, creds) {
    const image = this.image ?? {};
    const appService = this.app.compose?.appService;
    const workdir = image.WorkingDir || "/";
    const manageDir = this.app.imageSourceDir ?? workdir;
    const targets = new Set(Object.keys(image.Volumes ?? {}));
    for (const v of appService?.volumes ?? []) {
      if (v.type === "tmpfs") continue;
      const t = v.target.replace(/\/+$/, "") || "/";
      const overCode = [workdir, manageDir].some((d) => d === t || d.startsWith(`${t}/`) || t === "/");
      if (!overCode) targets.add(t);
    }
    const volumes = [];
    let i = 0;
    for (const target of [...targets].sort()) {
      const name = this.name(engine, "vol", String(++i));
      const r = await this.docker.exec(["volume", "create", "--label", this.label, name], {
        timeoutMs: 6e4
      });
      if (r.exitCode !== 0) throw new Error(`docker volume create failed: ${r.stderr.trim()}`);
      volumes.push("-v", `${name}:${target}`);
      this.engineVolumes.set(engine, [...this.engineVolumes.get(engine) ?? [], name]);
    }
    const firstVolume = [...targets].sort()[0];
    const plan = planEnv({
      engine,
      settings: this.settings,
      composeEnv: appService?.environment ?? [],
      imageEnvNames: (image.Env ?? []).map((e) => e.split("=")[0]),
      postgres: creds,
      sqliteUrl: `sqlite:///${path2.posix.join(firstVolume ?? workdir, "db.sqlite3")}`,
      extra: this.options.env?.[engine],
      random: this.random
    });
    for (const s of plan.secrets) this.redactor.add(s);
    const exposed = Object.keys(image.ExposedPorts ?? {}).filter((p) => p.endsWith("/tcp")).map((p) => Number(p.split("/")[0])).filter((p) => Number.isFinite(p));
    const composePort = appService?.ports.find((p) => p.target !== void 0)?.target ?? appService?.expose.find((e) => e.port)?.port;
    const portVariable = /\$\{?PORT\b/;
    const startsOnPortVariable = [
      ...image.Entrypoint ?? [],
      ...image.Cmd ?? [],
      appService?.command?.raw ?? "",
      ...this.app.entrypointScripts.flatMap((e) => e.script.commands.flatMap((c) => c.argv))
    ].some((text) => portVariable.test(text));
    const imagePort = (image.Env ?? []).find((e) => e.startsWith("PORT="))?.slice(5);
    const givenPort = Number(plan.env.PORT ?? imagePort);
    const port = this.options.port ?? exposed[0] ?? composePort ?? (startsOnPortVariable && Number.isInteger(givenPort) && givenPort > 0 ? givenPort : 8e3);
    if (startsOnPortVariable && plan.env.PORT === void 0 && imagePort === void 0)
      plan.env.PORT = String(port);
    const entrypoint = image.Entrypoint ?? [];
    const keepEntrypoint = entrypoint.length > 0 && this.entrypointRunsArguments(entrypoint);
    const hasCommand = (image.Cmd?.length ?? 0) > 0 || entrypoint.length > 0;
    const composeCommand = appService?.command;
    const serverCommand = !hasCommand && composeCommand ? composeCommand.argv ?? ["sh", "-c", composeCommand.raw] : void 0;
    return {
      engine,
      network: this.network(engine),
      volumes,
      env: plan.env,
      manageDir,
      port,
      oneOffEntrypoint: keepEntrypoint || entrypoint.length === 0 ? [] : ["--entrypoint", ""],
      wrapper: keepEntrypoint ? entrypoint : [],
      // A wrapper script may wait for, or migrate, the database before it runs the one-off's command.
      wrapperMayUseDatabase: keepEntrypoint && !INIT_PROGRAM.test(entrypointProgram(entrypoint) ?? ""),
      serverCommand
    };
  }
  /** Whether the image's ENTRYPOINT runs the command it is given (`exec "$@"`), so one-offs can keep it. */
  entrypointRunsArguments(entrypoint) {
    const program = entrypointProgram(entrypoint);
    if (!program) return false;
    if (INIT_PROGRAM.test(program)) return true;
    const script = this.app.entrypointScripts.find(
      (s) => s.imagePath === program || path2.posix.basename(s.imagePath) === path2.posix.basename(program)
    );
    if (script)
      return script.script.commands.some((c) => c.argv.some((a) => a.includes("$@") || a.includes("$*")));
    return /\.sh$|entrypoint/i.test(path2.posix.basename(program));
  }
  oneOff(ctx, what, manageArgs) {
    return this.oneOffScript(ctx, what, MANAGE_SCRIPT, manageArgs);
  }
  /**
   * The release one-off (see release.ts): check --deploy, then migrate, then the probe record written through Django's
   * user model once migrate succeeded. With a gate, migrate waits for it: `go` once PostgreSQL is ready.
   */
  async release(ctx, probeUser, gate) {
    const marker = `tfr-step-${this.runId}`;
    const steps = [
      { argv: ["check", "--deploy"] },
      { argv: ["migrate", "--noinput"], stopOnFailure: true, ...gate ? { gate: true } : {} },
      { argv: ["shell", "-c", writeProbe(probeUser)] }
    ];
    let s0 = this.now();
    const opened = gate?.then((line) => {
      s0 = this.now();
      return line;
    });
    const r = await this.oneOffScript(ctx, "release", RELEASE_SCRIPT, releaseArgs(marker, steps), opened);
    const parts = splitRelease(r, marker, steps.length);
    const measured = parts.filter((p, i) => p.finished && (!gate || i > 0));
    const rest = Math.max(0, this.now() - s0 - measured.reduce((t, p) => t + (p.durationMs ?? 0), 0));
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
  /**
   * The probe record read back in the replacement server container (`docker exec`, through the image's wrapper
   * entrypoint as a one-off would be), or by a fresh one-off when the replacement is not running.
   */
  async readBack(ctx, container, probeUser) {
    const args = ["shell", "-c", readProbe(probeUser)];
    if (container) {
      const r = await this.docker.exec(
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
        { timeoutMs: this.options.oneOffTimeoutMs ?? 3 * 6e4 }
      );
      const gone = /is not running|No such container|is restarting/i.test(r.stderr) || r.exitCode !== 0 && !(await this.state(container))?.Running;
      if (!gone) return { ...r, in: "replacement" };
    }
    return { ...await this.oneOff(ctx, "read", args), in: "one-off" };
  }
  async oneOffScript(ctx, what, script, scriptArgs, input) {
    const name = this.name(ctx.engine, what);
    const r = await this.docker.exec(
      [
        "run",
        "--rm",
        ...input ? ["-i"] : [],
        ...this.containerArgs(ctx, name),
        "-w",
        ctx.manageDir,
        ...ctx.oneOffEntrypoint,
        this.imageRef,
        "sh",
        "-c",
        script,
        "manage.py",
        ...scriptArgs
      ],
      { env: ctx.env, timeoutMs: this.options.oneOffTimeoutMs ?? 3 * 6e4, ...input ? { input } : {} }
    );
    if (r.timedOut) await this.docker.exec(["rm", "-f", "-v", name], { timeoutMs: 6e4 });
    return r;
  }
  /** Name, run label, resource limits, the engine's network, volumes and environment: what every container gets. */
  containerArgs(ctx, name) {
    return [
      "--name",
      name,
      "--label",
      this.label,
      ...containerLimitArgs(this.limits),
      "--network",
      ctx.network,
      ...ctx.volumes,
      ...Object.keys(ctx.env).flatMap((k) => ["-e", k])
    ];
  }
  /** What `docker run -d` and `docker create` take for a server container: published on loopback only. */
  serverArgs(ctx, name) {
    return [
      ...this.containerArgs(ctx, name),
      "-p",
      `127.0.0.1::${ctx.port}`,
      this.imageRef,
      ...ctx.serverCommand ?? []
    ];
  }
  /** Creates a server container ahead of its start (the slower half of `docker run -d`). */
  createServer(ctx, name) {
    return this.docker.exec(["create", ...this.serverArgs(ctx, name)], { env: ctx.env, timeoutMs: 12e4 });
  }
  /** Starts a server container, or the one created beforehand, and finds its published port. */
  async startServer(ctx, name, created) {
    const c = created && await created;
    const r = c === void 0 ? await this.docker.exec(["run", "-d", ...this.serverArgs(ctx, name)], {
      env: ctx.env,
      timeoutMs: 12e4
    }) : c.exitCode === 0 ? await this.docker.exec(["start", name], { timeoutMs: 12e4 }) : c;
    if (r.exitCode !== 0) {
      const what = c === void 0 ? "run" : c.exitCode === 0 ? "start" : "create";
      return {
        ok: false,
        why: `docker ${what} failed (exit code ${r.exitCode}): ${lastErrorLine(r.stderr)}`,
        logTail: this.redactor.redact(tail(r.stderr))
      };
    }
    const port = await this.docker.exec(["port", name, `${ctx.port}/tcp`], { timeoutMs: 3e4 });
    const m = /:(\d+)\s*$/m.exec(port.stdout);
    if (port.exitCode !== 0 || !m) {
      const state = await this.state(name);
      return {
        ok: false,
        why: state && !state.Running ? `the container exited at once (exit code ${state.ExitCode})` : "no port published",
        logTail: await this.logs(name)
      };
    }
    return { ok: true, hostPort: Number(m[1]) };
  }
  /** Polls until the server answers anything over HTTP, the container exits, or the start timeout passes. */
  async waitForHttp(container, hostPort) {
    const timeoutMs = this.options.startTimeoutMs ?? 6e4;
    const deadline = this.now() + timeoutMs;
    let lastError = "no answer";
    for (let attempt = 0; ; attempt++) {
      const answer = await this.http(hostPort, "/", 2e3);
      if (answer.status !== void 0) return { ok: true };
      lastError = answer.error ?? lastError;
      if (attempt % 3 === 2) {
        const state = await this.state(container);
        if (state && !state.Running) {
          const oom = state.OOMKilled ? ` (killed for using more than the ${formatMemory(this.limits.memoryBytes)} of memory it may use, smoke-memory)` : "";
          return {
            ok: false,
            why: `the container exited with code ${state.ExitCode}${oom} before answering`
          };
        }
      }
      if (this.now() >= deadline)
        return { ok: false, why: `no HTTP answer within ${seconds(timeoutMs)}: ${lastError}` };
      await this.sleep(100);
    }
  }
  /** `/` and `/admin/login/` must not answer 5xx; a 404 on `/` is a fresh project, a 400 is ALLOWED_HOSTS. */
  async probe(hostPort) {
    const parts = [];
    let serverError = false;
    for (const p of ["/", "/admin/login/"]) {
      const a = await this.http(hostPort, p, 1e4);
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
  async state(container) {
    const r = await this.docker.exec(["inspect", "--format", "{{json .State}}", container], {
      timeoutMs: 3e4
    });
    if (r.exitCode !== 0) return void 0;
    try {
      return JSON.parse(r.stdout.trim());
    } catch {
      return void 0;
    }
  }
  async logs(container) {
    const r = await this.docker.exec(["logs", "--tail", "40", container], { timeoutMs: 3e4 });
    return this.redactor.redact(tail(`${r.stdout}
${r.stderr}`));
  }
};
var INIT_PROGRAM = /^(.*\/)?(tini|dumb-init|gosu|su-exec)$/;
function entrypointProgram(entrypoint) {
  return entrypoint.find((a, i) => i === entrypoint.length - 1 || !/^(\/bin\/)?(ba|da)?sh$/.test(a));
}
var MANAGE_SCRIPT = 'exec "$(command -v python3 || command -v python)" manage.py "$@"';
function writeProbe(user) {
  return [
    "from django.contrib.auth import get_user_model",
    "U = get_user_model()",
    `U.objects.create(**{U.USERNAME_FIELD: ${JSON.stringify(user)}})`,
    "print('tfr-written')"
  ].join("\n");
}
function readProbe(user) {
  return [
    "from django.contrib.auth import get_user_model",
    "U = get_user_model()",
    `print('tfr-found' if U.objects.filter(**{U.USERNAME_FIELD: ${JSON.stringify(user)}}).exists() else 'tfr-missing')`
  ].join("\n");
}
function lastErrorLine(output) {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const error = [...lines].reverse().find((l) => /^[\w.]+(Error|Exception|Configured|DoesNotExist)\b.*:/.test(l));
  const line = error ?? lines[lines.length - 1] ?? "no output";
  return line.length > 300 ? `${line.slice(0, 300)}\u2026` : line;
}
function buildSource(app) {
  const build = app.compose?.appService?.build;
  const dockerfile = build?.dockerfile ?? app.dockerfile.file;
  return { dockerfile, contextDir: build?.context ?? app.context?.dir ?? path2.posix.dirname(dockerfile) };
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

export {
  locateBuildFailure,
  parseDeployCheck,
  planEnv,
  nodeHttpProbe,
  ENGINES,
  newRunId,
  runSmoke
};
