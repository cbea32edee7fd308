import {
  type AnalysedApp,
  type EngineResult,
  type Finding,
  type Report,
  type SmokeResult,
  type SmokeStep,
  plainMessage,
} from '../core/index.js';

/** The JSON report: a stable shape and key order for scripts (`jq '.findings[] | .ruleId'`). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
}

export function jsonReport(report: Report) {
  return {
    tool: { name: report.tool.name, version: report.tool.version },
    directory: report.directory,
    verdict: report.verdict,
    failOn: report.failOn,
    counts: {
      error: report.counts.error,
      warning: report.counts.warning,
      notice: report.counts.notice,
      suppressed: report.findings.filter((f) => f.suppressed).length,
    },
    configFile: report.configFile ?? null,
    ...(report.apps ? { apps: report.apps.map(jsonApp) } : {}),
    ...(report.skipped
      ? {
          skipped: report.skipped.map((s) => ({
            ...(s.managePy ? { managePy: s.managePy } : {}),
            ...(s.dockerfile ? { dockerfile: s.dockerfile } : {}),
            reason: s.reason,
          })),
        }
      : {}),
    ...(report.otherDockerfiles ? { otherDockerfiles: report.otherDockerfiles } : {}),
    ...(report.workerDockerfiles ? { workerDockerfiles: report.workerDockerfiles } : {}),
    durationMs: report.durationMs,
    findings: report.findings.map(jsonFinding),
    ...(report.smoke ? { smoke: jsonSmoke(report.smoke) } : {}),
    ...(report.fixes ? { fixes: report.fixes } : {}),
  };
}

function jsonApp(a: AnalysedApp) {
  return {
    dir: a.dir,
    dockerfile: a.dockerfile ?? null,
    composeFiles: a.composeFiles ?? [],
    settings: a.settings ?? null,
  };
}

function jsonFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    name: f.name,
    factor: f.factor,
    severity: f.severity,
    kind: f.kind,
    file: f.file,
    line: f.line ?? null,
    ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    message: f.message,
    // The message as parts (text, code, path, value), when the rule built it with them and they still spell it.
    ...(f.parts && f.parts.length > 0 && plainMessage(f.parts) === f.message
      ? { parts: f.parts.map((p) => ({ kind: p.kind, text: p.text })) }
      : {}),
    ...(f.details !== undefined ? { details: f.details } : {}),
    related: [...f.related],
    fingerprint: f.fingerprint,
    ...(f.suppressed
      ? {
          suppressed: {
            by: f.suppressed.by,
            ...(f.suppressed.reason !== undefined ? { reason: f.suppressed.reason } : {}),
          },
        }
      : {}),
  };
}

function jsonSmoke(s: SmokeResult) {
  return {
    status: s.status,
    ...(s.reason !== undefined ? { reason: s.reason } : {}),
    ...(s.app !== undefined ? { app: s.app } : {}),
    durationMs: s.durationMs,
    ...(s.build ? { build: jsonStep(s.build) } : {}),
    engines: {
      ...(s.engines.sqlite ? { sqlite: jsonEngine(s.engines.sqlite) } : {}),
      ...(s.engines.postgres ? { postgres: jsonEngine(s.engines.postgres) } : {}),
    },
  };
}

function jsonEngine(e: EngineResult) {
  return {
    engine: e.engine,
    status: e.status,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    durationMs: e.durationMs,
    steps: e.steps.map(jsonStep),
  };
}

function jsonStep(s: SmokeStep) {
  return {
    name: s.name,
    status: s.status,
    durationMs: s.durationMs,
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    ...(s.logTail !== undefined ? { logTail: s.logTail } : {}),
  };
}
