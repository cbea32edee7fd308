import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  group,
  stepLog
} from "./chunk-YPUJOMM3.js";
import {
  partsOfPlain,
  plainMessage,
  require_node_path,
  sha256Hex,
  writeOwnFile
} from "./chunk-B25ZKZH7.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-DE2SF5KL.js";

// builtin-by-require:node:url
var require_node_url = __commonJS({
  "builtin-by-require:node:url"(exports, module) {
    module.exports = __require("node:url");
  }
});

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
  const servicesOnly = (a) => !a.dockerfile && !a.settings && (a.composeFiles ?? []).length > 0;
  const apps = (report.apps ?? []).filter((a) => !servicesOnly(a)).map((a) => {
    const files = [a.dockerfile, ...a.composeFiles ?? [], a.settings].filter((f) => !!f);
    return (files.length > 0 ? files : [a.dir]).map(path).join(" + ");
  });
  const composeOnly = (report.apps ?? []).filter(servicesOnly).map((a) => a.composeFiles.map(path).join(" + "));
  const skipped = (report.skipped ?? []).map(
    (s) => `${path(s.managePy ?? s.dockerfile ?? "")} ${text(`(${s.reason})`)}`
  );
  const parts = [
    ...apps.length > 0 ? [`Analysed ${apps.join("; ")}`] : [],
    ...composeOnly.length > 0 ? [`${text("services only:")} ${composeOnly.join(", ")}`] : [],
    ...skipped.length > 0 ? [`skipped ${skipped.join(", ")}`] : [],
    ...report.workerDockerfiles?.length ? [`image rules on the workers' ${report.workerDockerfiles.map(path).join(", ")}`] : [],
    ...report.otherDockerfiles?.length ? [`Dockerfile rules only on ${report.otherDockerfiles.map(path).join(", ")}`] : []
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
function defuseMarkers(text) {
  return text.replace(/<!--/g, "<!-\u200D-");
}
function codeBlock(text) {
  return defuseMarkers(fencedBlock(neutraliseMentions(text)));
}

// src/util/paths.ts
var import_node_path = __toESM(require_node_path(), 1);
function reportDirectory(directory) {
  return import_node_path.posix.normalize(directory.replace(/\\/g, "/")).replace(/(.)\/+$/, "$1");
}
function repoPath(directory, file) {
  const dir = directory.replace(/\\/g, "/");
  if (dir === "" || import_node_path.posix.isAbsolute(dir) || /^[A-Za-z]:\//.test(dir)) return file;
  const joined = import_node_path.posix.normalize(import_node_path.posix.join(dir, file));
  return joined.startsWith("../") ? file : joined;
}

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
  const hash = sha256Hex(dir).slice(0, 6);
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
  const where = location(ctx, f);
  return `${SEVERITY_ICON[f.severity]} ${rule} ${where}: ${partsMarkdown(messageParts(f))}`;
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
    ...report.otherDockerfiles ? { otherDockerfiles: report.otherDockerfiles } : {},
    ...report.workerDockerfiles ? { workerDockerfiles: report.workerDockerfiles } : {},
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

// src/report/sarif.ts
var import_node_path2 = __toESM(require_node_path(), 1);
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
function sarifLog(report, allRules) {
  const named = new Set(report.findings.map((f) => f.ruleId));
  const rules = allRules.filter((r) => named.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const absolute = (0, import_node_path2.isAbsolute)(report.directory);
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
  const uri = (0, import_node_path2.isAbsolute)(report.directory) ? f.file : repoPath(report.directory, f.file);
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

// src/publish/channel.ts
async function attempt(pub, name, fn) {
  await group(name, async () => {
    try {
      await fn();
    } catch (error) {
      stepLog.debug(error.stack ?? String(error));
      pub.warnings.push(`${name} could not be published: ${error.message}`);
      pub.notes.push(`${name}: not published (${error.message}).`);
    }
  });
}
function writeText(file, text, env) {
  writeOwnFile(file, text, [env.workspace, env.temp]);
}

export {
  reportDirectory,
  repoPath,
  renderAnnotations,
  ruleHelpUri,
  renderJson,
  escapeMarkdown,
  defuseMarkers,
  codeBlock,
  messageParts,
  partsMarkdown,
  renderMarkdown,
  renderSarif,
  attempt,
  writeText
};
