import type { Finding, Severity } from './finding.js';
import type { ReportFixes } from './fix.js';

export type FailOn = Severity | 'never';
export type StepStatus = 'passed' | 'failed' | 'skipped';
/** An engine's or the whole smoke run's status: `warnings` when it got through and found only warnings. */
export type RunStatus = StepStatus | 'warnings';
export type Engine = 'sqlite' | 'postgres';

export interface SmokeStep {
  /** build, migrate, start, http, persist, tables, stop, check-deploy, ... */
  name: string;
  status: StepStatus;
  durationMs: number;
  /** One line for humans: what happened (HTTP 200 in 3.1 s, exit code 1, ...). */
  detail?: string;
  /** Tail of the relevant log, secrets redacted. */
  logTail?: string;
}

export interface EngineResult {
  engine: Engine;
  status: RunStatus;
  /** Why the engine failed or was skipped, in one line. */
  reason?: string;
  durationMs: number;
  steps: SmokeStep[];
}

export interface SmokeResult {
  status: RunStatus;
  reason?: string;
  /** The app directory that was built, relative to the scanned directory. */
  app?: string;
  build?: SmokeStep;
  engines: Partial<Record<Engine, EngineResult>>;
  durationMs: number;
}

/** One app the static analysis judged: the files it read as that app's image, deployment and configuration. */
export interface AnalysedApp {
  /** The app directory (where manage.py is), relative to the scanned directory. */
  dir: string;
  dockerfile?: string;
  /** The compose files analysed together for this app (a base and its override), when any. */
  composeFiles?: string[];
  settings?: string;
}

/** A Django project found but not analysed, with why (e.g. an archived copy no image builds). */
/** A Django project (its manage.py) or a Dockerfile left out of the analysis, with why. */
export interface SkippedProject {
  managePy?: string;
  /** A Dockerfile that builds no Django app (its own context holds none). */
  dockerfile?: string;
  reason: string;
  /** Set when the Dockerfile is no image of the repository at all (a tool's copy nothing builds): no rule judges it. */
  notAnImage?: true;
}

export interface Report {
  tool: { name: string; version: string };
  /** The scanned directory as the user gave it (relative to the workspace when possible). */
  directory: string;
  /** All findings, suppressed ones included (flagged), sorted by file, line, rule. */
  findings: Finding[];
  /** Unsuppressed findings per severity. */
  counts: Record<Severity, number>;
  smoke?: SmokeResult;
  configFile?: string;
  /** What was analysed: each app's Dockerfile, compose files and settings module. */
  apps?: AnalysedApp[];
  /** Django projects left out of the analysis, with the reason. */
  skipped?: SkippedProject[];
  /** Dockerfiles no app builds (a proxy, a front end), judged by the rules that hold for any Dockerfile only. */
  otherDockerfiles?: string[];
  /** Dockerfiles compose builds for a worker of an app's code (Dockerfile.celery), judged by the image rules as well. */
  workerDockerfiles?: string[];
  /** The proven safe fixes (action runs that propose them). */
  fixes?: ReportFixes;
  failOn: FailOn;
  /** 'fail' when an unsuppressed finding is at or above failOn. */
  verdict: 'pass' | 'fail';
  durationMs: number;
}
