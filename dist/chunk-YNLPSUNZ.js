import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  appOfDockerfile,
  buildCommands,
  dataDirFromEnvironment,
  instructionsOf,
  linesOf,
  pipInstall,
  runtimeInsertionLine
} from "./chunk-566DXXNA.js";
import {
  insertLines,
  normalizePackageName,
  replaceInLine,
  replaceLines
} from "./chunk-BQ4YNGKF.js";

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
    const where = version ? wordAt(lines, spec, instruction.line, instruction.endLine) : void 0;
    if (!where) return void 0;
    const extras = /^[A-Za-z0-9._-]+(\[[^\]]*\])?/.exec(spec)?.[1] ?? "";
    const pinned = `${name}${extras}==${version}`;
    edits.push(replaceInLine(file, where.line, where.column, where.column + spec.length, pinned));
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
function sqliteUnderDataDir(context) {
  const app = context.project.apps.find(
    (a) => a.dockerfile?.targetStage && (a.settings?.file === context.finding.file || (a.settingsBases ?? []).some((b) => b.file === context.finding.file))
  );
  return app && dataDirFromEnvironment(context, app, "the SQLite database");
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
    summary: "Adds a `VOLUME` at the directory SQLite was seen writing (made and given to the non-root USER first); when that is the code's directory, reads the database path under `DATA_DIR` with a `VOLUME` on /data, as TF0602's fix does.",
    make: (context, facts) => volumeForSqlite(context, facts) ?? sqliteUnderDataDir(context),
    after: ["TF1301"]
  }
];
function informedFixersOf(ruleId) {
  return INFORMED_FIXERS.filter((f) => f.ruleId === ruleId);
}

export {
  INFORMED_FIXERS,
  informedFixersOf
};
