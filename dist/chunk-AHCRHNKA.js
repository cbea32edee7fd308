import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  SEVERITIES
} from "./chunk-B25ZKZH7.js";

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
    ...input.otherDockerfiles ? { otherDockerfiles: input.otherDockerfiles } : {},
    ...input.workerDockerfiles ? { workerDockerfiles: input.workerDockerfiles } : {},
    failOn: input.failOn,
    verdict: failing ? "fail" : "pass",
    durationMs: input.durationMs
  };
}

export {
  TOOL,
  makeReport
};
