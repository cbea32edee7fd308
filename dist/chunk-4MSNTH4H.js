import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  INFORMED_FIXERS
} from "./chunk-RPSHDHIF.js";
import {
  makeReport
} from "./chunk-AHCRHNKA.js";
import {
  RULES
} from "./chunk-2SUAEEQU.js";
import {
  SEVERITIES,
  UnsafePathError,
  plainMessage,
  readInsideSync,
  require_node_path,
  writeOwnFile
} from "./chunk-B25ZKZH7.js";
import {
  __toESM
} from "./chunk-DE2SF5KL.js";

// src/github/artifact.ts
var import_node_path = __toESM(require_node_path(), 1);

// src/github/artifact-fixes.ts
var FIX_LIMITS = {
  patch: 512 * 1024,
  fixes: 1e3,
  title: 300,
  variables: 200,
  suggestionLines: 200,
  lineChars: 2e3,
  path: 1024,
  line: 1e7
};
var FIXABLE = /* @__PURE__ */ new Set([
  ...RULES.filter((r) => r.fix).map((r) => r.id),
  ...INFORMED_FIXERS.map((f) => f.ruleId)
]);
var CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
var PATCH_LINE = /^(diff --git a\/\S.* b\/\S.*|new file mode 100644|index [0-9a-f]+\.\.[0-9a-f]+( \d+)?|--- (a\/\S.*|\/dev\/null)|\+\+\+ b\/\S.*|@@ -\d+(,\d+)? \+\d+(,\d+)? @@.*|[ +-].*|\\ No newline at end of file)$/;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var line = (v) => Number.isSafeInteger(v) && v > 0 && v <= FIX_LIMITS.line;
function relativePath(value) {
  if (typeof value !== "string" || value === "" || value.length > FIX_LIMITS.path || CONTROL.test(value))
    return void 0;
  if (value.startsWith("/") || /^[a-zA-Z]:/.test(value) || value.includes("\\")) return void 0;
  return value.split("/").includes("..") ? void 0 : value;
}
function validateFixes(value, findings) {
  if (!isObject(value)) return "not an object";
  const { patch, withheld, applied, variables, suggestions, verification } = value;
  if (typeof patch !== "string" || patch.length > FIX_LIMITS.patch)
    return `patch is not a string of at most ${FIX_LIMITS.patch} characters`;
  const rows = patch.replace(/\n$/, "").split("\n");
  if (patch !== "" && rows.some((r) => !PATCH_LINE.test(r.replace(/\r$/, "")) || CONTROL.test(r.replace(/\r$/, ""))))
    return "patch is not a unified diff";
  for (const r of rows) {
    const path = /^(?:diff --git a\/(\S+)|\+\+\+ b\/(\S+)|--- a\/(\S+))/.exec(r);
    const p = path && (path[1] ?? path[2] ?? path[3]);
    if (p && relativePath(p) === void 0) return "patch names a path outside the repository";
  }
  if (!Array.isArray(withheld) || withheld.length > FIX_LIMITS.fixes || withheld.some((w) => !relativePath(w)))
    return "withheld is not a list of relative paths";
  if (!Array.isArray(variables) || variables.length > FIX_LIMITS.variables || variables.some((v) => typeof v !== "string" || !/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(v)))
    return "variables is not a list of variable names";
  const fingerprints = new Set(findings.map((f) => f.fingerprint));
  if (!Array.isArray(applied) || applied.length > FIX_LIMITS.fixes) return "applied is not a list";
  const fixes = [];
  for (const a of applied) {
    if (!isObject(a) || typeof a.ruleId !== "string" || !FIXABLE.has(a.ruleId))
      return "a fix names no fixable rule";
    if (typeof a.fingerprint !== "string" || !/^[\w-]{1,64}$/.test(a.fingerprint))
      return "a fix fingerprint is not 1 to 64 letters, digits, _ or -";
    if (typeof a.title !== "string" || a.title.length > FIX_LIMITS.title || CONTROL.test(a.title))
      return "a fix title is not one short line";
    fixes.push({ ruleId: a.ruleId, fingerprint: a.fingerprint, title: a.title });
  }
  if (!Array.isArray(suggestions) || suggestions.length > FIX_LIMITS.fixes)
    return "suggestions is not a list";
  const checked = [];
  for (const s of suggestions) {
    const why = suggestion(s, fingerprints);
    if (typeof why === "string") return why;
    checked.push(why);
  }
  const verified = verification === void 0 ? void 0 : validVerification(verification);
  if (typeof verified === "string") return verified;
  return {
    patch,
    withheld,
    applied: fixes,
    variables,
    suggestions: checked,
    ...verified ? { verification: verified } : {}
  };
}
var STATUSES = /* @__PURE__ */ new Set(["passed", "failed", "skipped", "warnings"]);
var shortText = (v) => typeof v === "string" && v.length <= FIX_LIMITS.lineChars && !CONTROL.test(v);
function validVerification(v) {
  if (!isObject(v) || !isObject(v.engines)) return "verification is not an object with engines";
  if (v.buildFailed !== void 0 && !shortText(v.buildFailed))
    return "verification buildFailed is not one line";
  const engines = {};
  for (const [engine2, e] of Object.entries(v.engines)) {
    if (engine2 !== "sqlite" && engine2 !== "postgres" || !isObject(e) || !STATUSES.has(e.status))
      return "verification names an unknown engine or status";
    if (e.reason !== void 0 && !shortText(e.reason)) return "verification reason is not one line";
    engines[engine2] = {
      status: e.status,
      ...e.reason !== void 0 ? { reason: e.reason } : {}
    };
  }
  return { ...v.buildFailed !== void 0 ? { buildFailed: v.buildFailed } : {}, engines };
}
function suggestion(s, fingerprints) {
  if (!isObject(s) || typeof s.fingerprint !== "string" || !fingerprints.has(s.fingerprint))
    return "a suggestion names no finding";
  if (typeof s.ruleId !== "string" || !FIXABLE.has(s.ruleId)) return "a suggestion names no fixable rule";
  const file = relativePath(s.file);
  if (!file) return "a suggestion file is not a relative path";
  if (!line(s.startLine) || !line(s.endLine) || s.endLine < s.startLine)
    return "a suggestion range is not lines start..end";
  if (!Array.isArray(s.lines) || s.lines.length > FIX_LIMITS.suggestionLines || s.lines.some(
    (l) => typeof l !== "string" || l.length > FIX_LIMITS.lineChars || CONTROL.test(l) || l.includes("\n")
  ))
    return "a suggestion is not a short list of lines";
  return {
    fingerprint: s.fingerprint,
    ruleId: s.ruleId,
    file,
    startLine: s.startLine,
    endLine: s.endLine,
    lines: s.lines
  };
}

// src/github/artifact-schema.ts
var LIMITS = {
  findings: 1e4,
  path: 1024,
  message: 4e3,
  parts: 200,
  details: 64 * 1024,
  reason: 1e3,
  steps: 50,
  stepName: 64,
  durationMs: 7 * 24 * 3600 * 1e3,
  line: 1e7
};
var RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
var STATUSES2 = ["passed", "failed", "skipped"];
var RUN_STATUSES = ["passed", "warnings", "failed", "skipped"];
var SUPPRESSED_BY = ["inline", "file", "config"];
var PART_KINDS = ["text", "code", "path", "value"];
var CONTROL2 = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
function validateReport(raw, failOn, source) {
  if (!isObject2(raw) || !Array.isArray(raw.findings)) throw new Error(`${source} holds no report.`);
  const problems = new Problems(source);
  const directory = relativePath2(raw.directory) ?? ".";
  if (raw.directory !== void 0 && relativePath2(raw.directory) === void 0)
    problems.add("directory is not a relative path: the repository root is assumed");
  if (raw.findings.length > LIMITS.findings)
    problems.add(`${raw.findings.length} findings, more than ${LIMITS.findings}: the rest are dropped`);
  const findings = [];
  for (const [i, value] of raw.findings.slice(0, LIMITS.findings).entries()) {
    const f = finding(value, (problem) => problems.add(`finding ${i}: ${problem}`));
    if (typeof f === "string") problems.add(`finding ${i} dropped: ${f}`);
    else findings.push(f);
  }
  const smoke = raw.smoke === void 0 || raw.smoke === null ? void 0 : smokeResult(raw.smoke);
  if (typeof smoke === "string") problems.add(`smoke result dropped: ${smoke}`);
  const configFile = raw.configFile == null ? void 0 : relativePath2(raw.configFile);
  if (raw.configFile != null && configFile === void 0)
    problems.add("configFile dropped: not a relative path");
  const fixes = raw.fixes == null ? void 0 : validateFixes(raw.fixes, findings);
  if (typeof fixes === "string") problems.add(`fixes dropped: ${fixes}`);
  const made = makeReport({
    directory,
    findings,
    smoke: typeof smoke === "string" ? void 0 : smoke,
    configFile,
    // The publish workflow's fail-on decides: the analysing run's choice came from the pull request too.
    failOn,
    durationMs: duration(raw.durationMs) ?? 0
  });
  const report = fixes && typeof fixes !== "string" ? { ...made, fixes } : made;
  return { report, warnings: problems.lines() };
}
var Problems = class {
  constructor(source) {
    this.source = source;
  }
  source;
  seen = [];
  count = 0;
  add(problem) {
    this.count++;
    if (this.seen.length < 5) this.seen.push(problem);
  }
  lines() {
    if (this.count === 0) return [];
    const more = this.count > this.seen.length ? ` (and ${this.count - this.seen.length} more)` : "";
    return [`${this.source} did not fit the report schema: ${this.seen.join("; ")}${more}.`];
  }
};
function finding(value, note) {
  if (!isObject2(value)) return "not an object";
  const rule = typeof value.ruleId === "string" ? RULE_BY_ID.get(value.ruleId) : void 0;
  if (!rule) return "ruleId is not a rule of this action";
  if (!SEVERITIES.includes(value.severity)) return "severity is not error, warning or notice";
  const file = relativePath2(value.file);
  if (file === void 0) return "file is not a relative path";
  const message = text(value.message, LIMITS.message);
  if (message === void 0) return `message is not a string of at most ${LIMITS.message} characters`;
  if (value.details !== void 0 && text(value.details, LIMITS.details) === void 0)
    return `details is not a string of at most ${LIMITS.details} characters`;
  if (typeof value.fingerprint !== "string" || !/^[\w-]{1,64}$/.test(value.fingerprint))
    return "fingerprint is not 1 to 64 letters, digits, _ or -";
  const checked = value.parts == null ? void 0 : messageParts(value.parts, message);
  if (typeof checked === "string") note(`${checked}: dropped`);
  const parts = typeof checked === "string" ? void 0 : checked;
  const suppressed = value.suppressed == null ? void 0 : suppression(value.suppressed);
  if (typeof suppressed === "string") return suppressed;
  const line2 = position(value.line);
  const endLine = position(value.endLine);
  const column = position(value.column);
  return {
    ruleId: rule.id,
    name: rule.name,
    factor: rule.factor,
    severity: value.severity,
    kind: rule.kind,
    related: [...rule.related],
    fingerprint: value.fingerprint,
    file,
    ...line2 !== void 0 ? { line: line2 } : {},
    ...line2 !== void 0 && endLine !== void 0 && endLine >= line2 ? { endLine } : {},
    ...line2 !== void 0 && column !== void 0 ? { column } : {},
    message,
    ...parts ? { parts } : {},
    ...typeof value.details === "string" ? { details: value.details } : {},
    ...suppressed ? { suppressed } : {}
  };
}
function messageParts(value, message) {
  const problem = `parts is not a list of at most ${LIMITS.parts} text and code parts that spell the message`;
  if (!Array.isArray(value) || value.length > LIMITS.parts) return problem;
  const parts = [];
  for (const p of value) {
    if (!isObject2(p) || typeof p.text !== "string" || !PART_KINDS.includes(p.kind)) return problem;
    const last = parts.at(-1);
    if (p.kind !== "code" && last?.kind === "value") last.text += p.text;
    else parts.push({ kind: p.kind === "code" ? "code" : "value", text: p.text });
  }
  return plainMessage(parts) === message ? parts : problem;
}
function suppression(value) {
  if (!isObject2(value) || !SUPPRESSED_BY.includes(value.by))
    return "suppressed.by is not inline, file or config";
  const reason = value.reason == null ? void 0 : text(value.reason, LIMITS.reason);
  if (value.reason != null && reason === void 0)
    return `suppressed.reason is not a string of at most ${LIMITS.reason} characters`;
  return { by: value.by, ...reason !== void 0 ? { reason } : {} };
}
function smokeResult(value) {
  if (!isObject2(value)) return "not an object";
  if (!RUN_STATUSES.includes(value.status))
    return "status is not passed, warnings, failed or skipped";
  const durationMs = duration(value.durationMs);
  if (durationMs === void 0) return "durationMs is not a number of milliseconds";
  if (!optionalText(value.reason, LIMITS.reason)) return "reason is too long or not a string";
  if (value.app !== void 0 && relativePath2(value.app) === void 0) return "app is not a relative path";
  const build = value.build === void 0 ? void 0 : step(value.build);
  if (typeof build === "string") return `build: ${build}`;
  if (!isObject2(value.engines)) return "engines is not an object";
  const engines = {};
  for (const [name, e] of Object.entries(value.engines)) {
    if (name !== "sqlite" && name !== "postgres") return `engine ${name.slice(0, 20)} is unknown`;
    const checked = engine(name, e);
    if (typeof checked === "string") return `${name}: ${checked}`;
    engines[name] = checked;
  }
  return {
    status: value.status,
    ...typeof value.reason === "string" ? { reason: value.reason } : {},
    ...typeof value.app === "string" ? { app: value.app } : {},
    ...build ? { build } : {},
    engines,
    durationMs
  };
}
function engine(name, value) {
  if (!isObject2(value)) return "not an object";
  if (value.engine !== void 0 && value.engine !== name) return "engine does not match its key";
  if (!RUN_STATUSES.includes(value.status))
    return "status is not passed, warnings, failed or skipped";
  const durationMs = duration(value.durationMs);
  if (durationMs === void 0) return "durationMs is not a number of milliseconds";
  if (!optionalText(value.reason, LIMITS.reason)) return "reason is too long or not a string";
  if (!Array.isArray(value.steps) || value.steps.length > LIMITS.steps)
    return `steps is not a list of at most ${LIMITS.steps}`;
  const steps = [];
  for (const s of value.steps) {
    const checked = step(s);
    if (typeof checked === "string") return `step: ${checked}`;
    steps.push(checked);
  }
  return {
    engine: name,
    status: value.status,
    ...typeof value.reason === "string" ? { reason: value.reason } : {},
    durationMs,
    steps
  };
}
function step(value) {
  if (!isObject2(value)) return "not an object";
  if (typeof value.name !== "string" || !/^[\w .-]+$/.test(value.name) || value.name.length > LIMITS.stepName)
    return "name is not a short step name";
  if (!STATUSES2.includes(value.status)) return "status is not passed, failed or skipped";
  const durationMs = duration(value.durationMs);
  if (durationMs === void 0) return "durationMs is not a number of milliseconds";
  if (!optionalText(value.detail, LIMITS.reason)) return "detail is too long or not a string";
  if (value.logTail !== void 0 && text(value.logTail, LIMITS.details) === void 0)
    return "logTail is too long or not a string";
  return {
    name: value.name,
    status: value.status,
    durationMs,
    ...typeof value.detail === "string" ? { detail: value.detail } : {},
    ...typeof value.logTail === "string" ? { logTail: value.logTail } : {}
  };
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function text(value, max) {
  return typeof value === "string" && value.length <= max ? value : void 0;
}
function optionalText(value, max) {
  return value === void 0 || text(value, max) !== void 0;
}
function relativePath2(value) {
  const path = text(value, LIMITS.path);
  if (!path || CONTROL2.test(path) || path.startsWith("/") || /^[a-zA-Z]:/.test(path) || path.includes("\\"))
    return void 0;
  return path.split("/").includes("..") ? void 0 : path;
}
function position(value) {
  return Number.isSafeInteger(value) && value > 0 && value <= LIMITS.line ? value : void 0;
}
function duration(value) {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= LIMITS.durationMs ? value : void 0;
}

// src/github/artifact.ts
var REPORT_FILE = "report.json";
var PULL_REQUEST_FILE = "pull-request.json";
var MAX_ARTIFACT_FILE_BYTES = 64 * 1024 * 1024;
function writeArtifact(dir, report, pr, within = [(0, import_node_path.dirname)((0, import_node_path.resolve)(dir))]) {
  writeOwnFile((0, import_node_path.join)(dir, REPORT_FILE), `${JSON.stringify(report, null, 2)}
`, within);
  if (pr)
    writeOwnFile(
      (0, import_node_path.join)(dir, PULL_REQUEST_FILE),
      `${JSON.stringify({ number: pr.number, headSha: pr.headSha })}
`,
      within
    );
}
function readArtifactFiles(dir) {
  const report = JSON.parse(readArtifactFile(dir, REPORT_FILE));
  let pullRequest;
  try {
    pullRequest = JSON.parse(readArtifactFile(dir, PULL_REQUEST_FILE));
  } catch {
    pullRequest = void 0;
  }
  return { report, pullRequest };
}
function readArtifact(dir, failOn) {
  const files = readArtifactFiles(dir);
  const { report, warnings } = validateReport(files.report, failOn, (0, import_node_path.join)(dir, REPORT_FILE));
  return { report, pr: pullRequestOf(files.pullRequest), warnings };
}
function pullRequestOf(value) {
  const p = value ?? {};
  if (Number.isSafeInteger(p.number) && p.number > 0 && typeof p.headSha === "string" && /^[0-9a-f]{40}$/.test(p.headSha))
    return { number: p.number, headSha: p.headSha };
  return void 0;
}
function readArtifactFile(dir, name) {
  try {
    return readInsideSync(dir, name, {
      maxBytes: MAX_ARTIFACT_FILE_BYTES,
      what: "the artifact directory"
    }).toString("utf8");
  } catch (error) {
    if (error instanceof UnsafePathError)
      throw new Error(`Cannot read ${(0, import_node_path.join)(dir, name)}: ${error.reason}.`, { cause: error });
    throw error;
  }
}
export {
  MAX_ARTIFACT_FILE_BYTES,
  PULL_REQUEST_FILE,
  REPORT_FILE,
  readArtifact,
  readArtifactFiles,
  writeArtifact
};
