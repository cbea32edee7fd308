import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-DE2SF5KL.js";

// builtin-by-require:node:child_process
var require_node_child_process = __commonJS({
  "builtin-by-require:node:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

// builtin-by-require:node:string_decoder
var require_node_string_decoder = __commonJS({
  "builtin-by-require:node:string_decoder"(exports, module) {
    module.exports = __require("node:string_decoder");
  }
});

// src/smoke/cleanup.ts
var SMOKE_STATE_KEY = "smoke-run-id";
var SMOKE_LAYERS_STATE_KEY = "smoke-build-layers";
var RUN_LABEL = "twelve-factor-review.run";
var ids = (stdout) => stdout.split("\n").map((s) => s.trim()).filter(Boolean);
async function removeRun(docker, runId, options = {}) {
  const filter = `label=${RUN_LABEL}=${runId}`;
  const timeoutMs = options.timeoutMs ?? 6e4;
  const report = { containers: 0, networks: 0, volumes: 0, images: 0, errors: [] };
  const run = async (args) => {
    try {
      const r = await docker.exec(args, { timeoutMs });
      if (r.exitCode !== 0) report.errors.push(`docker ${args.slice(0, 2).join(" ")}: ${r.stderr.trim()}`);
      return r;
    } catch (error) {
      report.errors.push(`docker ${args.slice(0, 2).join(" ")}: ${error.message}`);
      return { exitCode: 1, stdout: "", stderr: "" };
    }
  };
  const list = async (args) => ids((await run([...args, "--filter", filter])).stdout);
  const listed = Promise.all([
    list(["network", "ls", "-q"]),
    list(["volume", "ls", "-q"]),
    options.keepImage ? Promise.resolve([]) : list(["image", "ls", "-q"])
  ]);
  const containers = await list(["ps", "-aq"]);
  if (containers.length) {
    await run(["rm", "-f", "-v", ...containers]);
    report.containers = containers.length;
  }
  const [networks, volumes, images] = await listed;
  const unique = [...new Set(images)];
  await Promise.all([
    networks.length ? run(["network", "rm", ...networks]) : void 0,
    volumes.length ? run(["volume", "rm", "-f", ...volumes]) : void 0,
    // --no-prune: the untagged layers it builds on may be another build's cache; the run removes its own by ID.
    unique.length ? run(["image", "rm", "-f", "--no-prune", ...unique]) : void 0
  ]);
  report.networks = networks.length;
  report.volumes = volumes.length;
  report.images = unique.length;
  return report;
}
var short = (id) => id.replace(/^sha256:/, "").slice(0, 12);
async function removeBuildLayers(docker, build, sleep = (ms) => new Promise((r) => setTimeout(r, ms))) {
  let removed = 0;
  try {
    const created = build.created.map(short);
    const late = build.cutShort ? await committedAfterTheLog(docker, build, sleep) : void 0;
    if (late) created.push(late);
    if (!created.length) return 0;
    const kept = /* @__PURE__ */ new Set();
    if (build.keep) {
      const history = await docker.exec(["image", "history", "-q", "--no-trunc", build.keep], {
        timeoutMs: 3e4
      });
      if (history.exitCode === 0) for (const id of ids(history.stdout)) kept.add(short(id));
    }
    const tags = await docker.exec(
      ["image", "inspect", "--format", "{{.Id}} {{len .RepoTags}}", ...created],
      {
        timeoutMs: 3e4
      }
    );
    const untagged = new Set(
      ids(tags.stdout).map((l) => l.split(" ")).filter(([, count]) => count === "0").map(([id]) => short(id))
    );
    for (const id of created.reverse()) {
      if (kept.has(id) || !untagged.has(id)) continue;
      for (let attempt = 0; ; attempt++) {
        const r = await docker.exec(["image", "rm", "--no-prune", id], { timeoutMs: 6e4 });
        if (r.exitCode === 0) {
          removed++;
          break;
        }
        const inUse = /being used by (stopped|running) container/i.test(r.stderr);
        if (/dependent child images/i.test(r.stderr) || inUse && attempt >= 20) {
          await docker.exec(["image", "tag", id, `${HANDOFF_REPOSITORY}:${id}`], { timeoutMs: 3e4 });
          break;
        }
        if (!inUse) break;
        await sleep(250);
      }
    }
    if (!build.keep) removed += await removeHandedOver(docker, build.reused ?? []);
  } catch {
  }
  return removed;
}
var HANDOFF_REPOSITORY = "twelve-factor-review-handoff";
async function removeHandedOver(docker, reused) {
  if (!reused.length) return 0;
  const tags = await docker.exec(["image", "inspect", "--format", "{{.Id}} {{json .RepoTags}}", ...reused], {
    timeoutMs: 3e4
  });
  const handedOver = ids(tags.stdout).map((l) => l.split(" ")).filter(([id, repoTags]) => repoTags === JSON.stringify([`${HANDOFF_REPOSITORY}:${short(id)}`])).map(([id]) => short(id));
  let removed = 0;
  for (const id of reused.map(short).reverse()) {
    if (!handedOver.includes(id)) continue;
    const r = await docker.exec(["image", "rm", "--no-prune", id], { timeoutMs: 6e4 });
    if (r.exitCode === 0) removed++;
  }
  return removed;
}
async function committedAfterTheLog(docker, build, sleep) {
  const container = build.stepContainer;
  if (!build.pendingStep || !build.lastLayer) return void 0;
  for (let i = 0; container && i < 50; i++) {
    const c = await docker.exec(["container", "inspect", "--format", "{{.Id}}", container], {
      timeoutMs: 3e4
    });
    if (c.exitCode !== 0) break;
    await sleep(200);
  }
  for (let pass = 0; pass < 2; pass++) {
    if (pass > 0) await sleep(1e3);
    const dangling = ids(
      (await docker.exec(["images", "--filter", "dangling=true", "-q", "--no-trunc"], { timeoutMs: 3e4 })).stdout
    );
    if (!dangling.length) continue;
    const info = await docker.exec(
      ["image", "inspect", "--format", "{{.Id}}|{{.Parent}}|{{.Container}}|{{.Created}}", ...dangling],
      { timeoutMs: 3e4 }
    );
    const fits = ids(info.stdout).map((line) => line.split("|")).filter(
      ([, parent = "", from = "", created = ""]) => short(parent) === short(build.lastLayer) && (container ? from.startsWith(container) : from === "") && // With a few seconds for clock skew between the runner and the engine.
      Date.parse(created) >= build.startedAt - 5e3
    );
    if (fits.length === 1) return short(fits[0][0]);
    if (fits.length > 1) return void 0;
  }
  return void 0;
}

// src/smoke/docker.ts
var import_node_child_process = __toESM(require_node_child_process(), 1);
var import_node_string_decoder = __toESM(require_node_string_decoder(), 1);
var CLIENT_VARIABLES = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "TMPDIR",
  "XDG_RUNTIME_DIR",
  "SSH_AUTH_SOCK",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "DOCKER_HOST",
  "DOCKER_CONTEXT",
  "DOCKER_CONFIG",
  "DOCKER_CERT_PATH",
  "DOCKER_TLS",
  "DOCKER_TLS_VERIFY",
  "DOCKER_API_VERSION",
  "DOCKER_BUILDKIT",
  "DOCKER_DEFAULT_PLATFORM",
  "DOCKER_CLI_EXPERIMENTAL",
  "BUILDKIT_PROGRESS",
  "BUILDX_BUILDER",
  "BUILDX_CONFIG"
]);
function dockerClientEnv(env, extra = {}) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === void 0) continue;
    if (CLIENT_VARIABLES.has(name)) out[name] = value;
  }
  return { ...out, ...extra };
}
var MAX_OUTPUT = 4 * 1024 * 1024;
function createDockerCli(binary = "docker") {
  return {
    exec(args, opts = {}) {
      return new Promise((resolve) => {
        const child = (0, import_node_child_process.spawn)(binary, args, {
          env: dockerClientEnv(process.env, opts.env),
          stdio: ["pipe", "pipe", "pipe"],
          ...opts.signal ? { signal: opts.signal } : {}
        });
        let stdout = "";
        let stderr = "";
        let timedOut = false;
        let settled = false;
        const append = (current, chunk) => {
          const next = current + chunk.toString("utf8");
          return next.length > MAX_OUTPUT ? next.slice(next.length - MAX_OUTPUT) : next;
        };
        const decoder = new import_node_string_decoder.StringDecoder("utf8");
        child.stdout.on("data", (c) => {
          stdout = append(stdout, c);
          opts.onStdout?.(decoder.write(c));
        });
        child.stderr.on("data", (c) => stderr = append(stderr, c));
        let timer;
        const startTimer = () => {
          if (opts.timeoutMs === void 0 || settled) return;
          timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, opts.timeoutMs);
        };
        const finish = (exitCode) => {
          if (settled) return;
          settled = true;
          if (timer) clearTimeout(timer);
          resolve({ exitCode: timedOut ? 124 : exitCode, stdout, stderr, ...timedOut ? { timedOut } : {} });
        };
        child.on("error", (error) => {
          stderr += `${error.message}
`;
          finish(127);
        });
        child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
        child.stdin.on("error", () => void 0);
        if (typeof opts.input === "object") {
          opts.input.then(
            (text) => {
              if (!settled) child.stdin.end(text);
              startTimer();
            },
            () => {
              if (!settled) child.stdin.end();
              startTimer();
            }
          );
        } else {
          child.stdin.end(opts.input ?? "");
          startTimer();
        }
      });
    }
  };
}

export {
  SMOKE_STATE_KEY,
  SMOKE_LAYERS_STATE_KEY,
  RUN_LABEL,
  removeRun,
  removeBuildLayers,
  createDockerCli
};
