import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  LINES,
  appOfDockerfile,
  buildCommands,
  buildRuns,
  coversPath,
  dataDirFromEnvironment,
  indentOf,
  instructionsOf,
  linesOf,
  parseRequirements,
  pipInstall,
  programArgv,
  runtimeInsertionLine,
  shellLessBase,
  volumeWritableWithoutShell
} from "./chunk-2SUAEEQU.js";
import {
  insertLines,
  normalizePackageName,
  replaceInLine,
  replaceLines
} from "./chunk-B25ZKZH7.js";

// src/fix/informed/pins.ts
var REQUIREMENT_LINE = /^(\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\s*\[[^\]]*\])?)([^;#]*?)(\s*(?:;[^#]*?)?\s*(?:#.*)?)$/;
function pinInstalledVersions(context, facts) {
  const installed = facts.installed;
  const { finding } = context;
  const lines2 = linesOf(context, finding.file);
  if (!installed || !lines2 || finding.line === void 0) return void 0;
  for (const app of context.project.apps) {
    const req = app.requirements.find((r) => r.file === finding.file);
    const line = req?.lines.find((l) => l.line === finding.line && l.kind === "package" && !l.pinned);
    if (req?.manifest) return void 0;
    if (line?.name) return pinRequirementLine(finding.file, finding.line, lines2, line.name, installed);
    const df = app.dockerfile;
    if (df?.file === finding.file) return pinPipInstall(context, finding.line, lines2, installed);
  }
  return void 0;
}
function pinRequirementLine(file, n, lines2, name, installed) {
  const version = installed[normalizePackageName(name)];
  const text = lines2[n - 1] ?? "";
  const m = REQUIREMENT_LINE.exec(text);
  if (!version || !m || /\\\s*$/.test(text) || /\s--/.test(m[2])) return void 0;
  const from = m[1].length + 1;
  const to = from + m[2].length;
  const space = m[3].startsWith(";") ? " " : "";
  return {
    // The name as written with its extras (`channels[daphne]`): the pin keeps them.
    title: `${m[1].replace(/\s+/g, "")}==${version}, the version installed in the image`,
    edits: [replaceInLine(file, n, from, to, `==${version}${space}`)]
  };
}
function pinPipInstall(context, at, lines2, installed) {
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
    const where = version ? wordAt(lines2, spec, instruction.line, instruction.endLine) : void 0;
    if (!where) return void 0;
    const pinned = pinnedSpec(name, spec, version);
    edits.push(replaceInLine(file, where.line, where.column, where.column + spec.length, pinned));
    pins.push(pinned);
  }
  return { title: `${pins.join(", ")}: the versions installed in the image`, edits };
}
function pinnedSpec(name, spec, version) {
  const extras = /^[A-Za-z0-9._-]+(\[[^\]]*\])?/.exec(spec)?.[1] ?? "";
  return `${name}${extras}==${version}`;
}
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var bareName = (spec) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0] ?? spec;
function wordAt(lines2, word, first, last) {
  const found = [];
  const pattern = new RegExp(`(^|[\\s"'])${escapeRegExp(word)}(?=$|[\\s"';&|])`, "g");
  let installed = false;
  for (let n = first; n <= Math.min(last, lines2.length); n++) {
    let text = lines2[n - 1];
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
  const lines2 = linesOf(context, finding.file);
  if (!base?.digest || !lines2 || finding.line === void 0) return void 0;
  for (const app of context.project.apps) {
    const df = app.dockerfile;
    const stage = df?.file === finding.file ? df.stages.find((s) => s.from.line === finding.line) : void 0;
    const from = stage?.from;
    if (!df || !from?.image || from.image !== base.ref || from.digest) continue;
    const arg = df.globalArgs.find((a) => a.default === from.image && from.raw.includes(a.name));
    const line = arg ? arg.line : from.line;
    const text = lines2[line - 1] ?? "";
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

// src/fix/informed/manifest.ts
var MANIFEST = "requirements.txt";
var OTHER_MANIFEST = /(^|\/)(requirements[^/]*\.txt|requirements\/[^/]+\.txt|pyproject\.toml|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock)$/;
function requirementsFromInstalled(context, facts) {
  const installed = facts.installed;
  const { finding } = context;
  const app = context.project.apps.find((a) => a.dockerfile?.file === finding.file);
  const df = app?.dockerfile;
  const lines2 = linesOf(context, finding.file);
  if (!installed || !app?.context || !df || !lines2 || finding.line === void 0) return void 0;
  const ctx = app.context;
  if (ctx.files.some((f) => f !== MANIFEST && OTHER_MANIFEST.test(f))) return void 0;
  const entry = buildRuns(df.builtStages).find(({ run }) => run.line === finding.line);
  if (!entry || entry.run.argv) return void 0;
  const pips = entry.commands.filter((c) => (pipInstall(c.argv)?.byName.length ?? 0) > 0);
  if (pips.length !== 1 || entry.commands.slice(0, entry.commands.indexOf(pips[0])).some(isCd))
    return void 0;
  const pip = pipInstall(pips[0].argv);
  const pins = [];
  for (const r of pip.byName) {
    const version = installed[normalizePackageName(r.name)];
    if (!version) return void 0;
    pins.push(pinnedSpec(r.name, r.spec, version));
  }
  const rewrite = rewritePipCommand(finding.file, lines2, entry.run, pips[0]);
  if (!rewrite) return void 0;
  const manifestFile = ctx.dir === "." ? MANIFEST : `${ctx.dir}/${MANIFEST}`;
  const manifest = manifestEdits(context, manifestFile, pins, installed);
  if (!manifest) return void 0;
  const indent = indentOf(lines2[entry.run.line - 1] ?? "");
  return {
    title: `${manifestFile} with ${pins.join(", ")}: the versions installed in the image`,
    edits: [...manifest, insertLines(finding.file, entry.run.line, [`${indent}COPY ${MANIFEST} .`]), rewrite]
  };
}
var isCd = (c) => programArgv(c.argv)[0] === "cd" || c.argv[0] === "cd";
function manifestEdits(context, file, pins, installed) {
  const text = context.text(file);
  if (text === void 0)
    return [{ file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, text: lines(pins) }];
  const physical = text.split(LINES);
  const edits = [];
  const declared = /* @__PURE__ */ new Set();
  for (const line of parseRequirements(file, text).lines) {
    if (line.kind !== "package" || !line.name) continue;
    const name = normalizePackageName(line.name);
    declared.add(name);
    const version = installed[name];
    const pinned = /===?\s*([^\s;#,]+)/.exec(line.text)?.[1];
    if (line.pinned && pinned !== void 0 && version !== void 0 && pinned !== version) return void 0;
    if (line.pinned) continue;
    const pin = pinRequirementLine(file, line.line, physical, line.name, installed);
    if (!pin) return void 0;
    edits.push(...pin.edits);
  }
  const missing = pins.filter((p) => !declared.has(normalizePackageName(/^[A-Za-z0-9._-]+/.exec(p)[0])));
  const end = text.endsWith("\n") || text === "" ? physical.length : physical.length + 1;
  if (missing.length > 0)
    edits.push({
      file,
      start: { line: end, column: 1 },
      end: { line: end, column: 1 },
      text: lines(missing)
    });
  return edits;
}
var lines = (items) => items.map((l) => `${l}
`).join("");
function rewritePipCommand(file, lines2, run, command) {
  const argv = command.argv;
  const install = argv.findIndex((w, i) => w === "install" && pipInstall(argv.slice(0, i + 1)) !== void 0);
  const words = wordsAsWritten(lines2, command.line, run.endLine, argv);
  if (install < 0 || !words) return void 0;
  const byName = pipInstall(argv).byName.map((r) => r.spec);
  const kept = [];
  for (let i = install + 1; i < argv.length; i++) {
    const taken = argv[i].startsWith("-") ? -1 : byName.indexOf(argv[i]);
    if (taken >= 0) byName.splice(taken, 1);
    else kept.push(words[i].text);
  }
  if (!argv.includes("--no-cache-dir")) kept.unshift("--no-cache-dir");
  const start = words[0];
  const head = words[install];
  const last = words[words.length - 1];
  const prefix = start.line === head.line ? lines2[start.line - 1].slice(start.column - 1, head.column - 1 + head.text.length) : void 0;
  if (prefix === void 0) return void 0;
  return {
    file,
    start: { line: start.line, column: start.column },
    end: { line: last.line, column: last.column + last.text.length },
    text: [prefix, ...kept, "-r", MANIFEST].join(" ")
  };
}
function wordsAsWritten(lines2, first, last, argv) {
  const starts = [];
  let flat = "";
  for (let n = first; n <= Math.min(last, lines2.length); n++) {
    starts.push(flat.length);
    flat += `${lines2[n - 1]}
`;
  }
  const at = (offset, text) => {
    let k = starts.length - 1;
    while (starts[k] > offset) k--;
    return { line: first + k, column: offset - starts[k] + 1, text };
  };
  const found = [];
  const head = new RegExp(`(^|[\\s;&|(])(${quoted(escapeRegExp(argv[0]))})(?=$|[\\s;&|)])`, "g");
  for (const m of flat.matchAll(head)) {
    let offset = m.index + m[1].length;
    const words = [at(offset, m[2])];
    offset += m[2].length;
    for (const w of argv.slice(1)) {
      const next = new RegExp(`^(?:[ \\t]|\\\\\\n)+(${quoted(escapeRegExp(w))})(?=$|[\\s;&|)])`).exec(
        flat.slice(offset)
      );
      if (!next) break;
      offset += next[0].length - next[1].length;
      words.push(at(offset, next[1]));
      offset += next[1].length;
    }
    if (words.length === argv.length) found.push(words);
  }
  return found.length === 1 ? found[0] : void 0;
}
var quoted = (w) => `${w}|"${w}"|'${w}'`;

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
  if (stage.volumes.some((v) => v.paths.some((p) => coversPath(p, dir)))) return void 0;
  if (coversPath(dir, stage.workdir || "/") || app.imageSourceDir && coversPath(dir, app.imageSourceDir))
    return void 0;
  const shellLess = shellLessBase(dockerfile, stage);
  if (shellLess) {
    if (!volumeWritableWithoutShell(dockerfile, stage, shellLess, dir)) return void 0;
    return {
      title: `VOLUME ${dir}, where SQLite wrote the database`,
      edits: [insertLines(dockerfile.file, runtimeInsertionLine(stage), [`VOLUME ${dir}`])]
    };
  }
  const user = stage.user?.user;
  const userInstruction = instructionsOf(stage, "USER").find((i) => i.line === stage.user?.line);
  const nonRoot = user !== void 0 && !/^(root|0)(:.*)?$/.test(user) && /^[\w.:-]+$/.test(user);
  const firstUser = instructionsOf(stage, "USER")[0];
  const before = nonRoot && firstUser && userInstruction ? firstUser.line : runtimeInsertionLine(stage);
  const lines2 = [...nonRoot ? [`RUN mkdir -p ${dir} && chown ${user} ${dir}`] : [], `VOLUME ${dir}`];
  return {
    title: `VOLUME ${dir}, where SQLite wrote the database${nonRoot ? `, owned by ${user}` : ""}`,
    edits: [insertLines(dockerfile.file, before, lines2)]
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
    ruleId: "TF0203",
    safety: "safe",
    summary: "Writes the packages a RUN installs by name to requirements.txt at the build context's root (`name==version`, as pip installed them in the image; appended to a requirements.txt the image did not use) and installs from it: `COPY requirements.txt .` before the RUN and `pip install --no-cache-dir -r requirements.txt` in place of the pip command.",
    make: requirementsFromInstalled
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
    summary: "Adds a `VOLUME` at the directory SQLite was seen writing (made and given to the non-root USER first; on a base with no shell, where no RUN can make it, only a directory a `COPY --chown` gives that user).",
    make: (context, facts) => context.finding.message.includes("SQLite") ? volumeForSqlite(context, facts) : void 0,
    after: ["TF1301"],
    fallback: true
  },
  {
    ruleId: "TF0604",
    safety: "safe",
    summary: "Adds a `VOLUME` at the directory SQLite was seen writing (made and given to the non-root USER first; on a base with no shell, only a directory a `COPY --chown` gives that user); when that is the code's directory, reads the database path under `DATA_DIR` with a `VOLUME` on /data, as TF0602's fix does.",
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
