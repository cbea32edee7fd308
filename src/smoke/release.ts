import type { DockerExecResult } from './docker.js';

/**
 * The release one-off: `manage.py check --deploy`, `manage.py migrate --noinput` and the write of the probe record,
 * run one after the other in a single container and a single Python process. Each is manage.py run as `__main__`
 * with its own argv, as the command line would, so Django starts once instead of three times. A gated step waits for
 * a line `go` on standard input: the PostgreSQL engine's one-off starts (and checks) while the database gets ready.
 */
export interface ReleaseStep {
  /** Arguments after `manage.py`. */
  argv: string[];
  /** Later steps do not run when this one fails. */
  stopOnFailure?: boolean;
  /** Wait for `go` on standard input before this step; anything else ends the one-off. */
  gate?: boolean;
}

/** What one step printed and how it ended; `finished` is false when the one-off ended before the step did. */
export interface ReleaseStepResult extends DockerExecResult {
  finished: boolean;
  /** Measured inside the container, so a wait at the gate is not counted. */
  durationMs?: number;
}

/**
 * The driver, run by `python -c DRIVER MARKER STEPS_JSON` in the directory of manage.py. After each step it writes
 * `MARKER index exit-code milliseconds` on a line of its own to both streams, so the output splits per step.
 */
export const RELEASE_DRIVER = [
  'import json, runpy, sys, time, traceback',
  'marker, steps = sys.argv[1], json.loads(sys.argv[2])',
  'broken = None',
  'for i, step in enumerate(steps):',
  '    if step.get("gate") and sys.stdin.readline().strip() != "go":',
  '        break',
  '    t0 = time.monotonic()',
  '    sys.argv = ["manage.py"] + step["argv"]',
  '    code = 0',
  '    if broken:',
  '        sys.stderr.write(broken)',
  '        code = 1',
  '    else:',
  '        try:',
  '            runpy.run_path("manage.py", run_name="__main__")',
  '        except SystemExit as e:',
  '            if isinstance(e.code, int):',
  '                code = e.code',
  '            elif e.code is not None:',
  '                print(e.code, file=sys.stderr)',
  '                code = 1',
  '        except BaseException:',
  '            traceback.print_exc()',
  '            code = 1',
  // A failed Django setup leaves the app registry half-populated, and every later command would only say
  // "populate() isn't reentrant": they report the original error instead.
  '            registry = getattr(sys.modules.get("django.apps"), "apps", None)',
  '            if registry is not None and registry.loading and not registry.ready:',
  '                broken = traceback.format_exc()',
  '    line = "%s %d %d %d" % (marker, i, code, (time.monotonic() - t0) * 1000)',
  '    for stream in (sys.stdout, sys.stderr):',
  '        stream.flush()',
  '        stream.write("\\n" + line + "\\n")',
  '        stream.flush()',
  '    if code and step.get("stopOnFailure"):',
  '        break',
].join('\n');

/** The shell command of the one-off: the image's python (python3 first) runs the driver. */
export const RELEASE_SCRIPT = 'exec "$(command -v python3 || command -v python)" -c "$1" "$2" "$3"';

/** Arguments of RELEASE_SCRIPT for these steps. */
export function releaseArgs(marker: string, steps: ReleaseStep[]): string[] {
  return [RELEASE_DRIVER, marker, JSON.stringify(steps)];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits the one-off's output per step, in order. The steps that ended come first; after them, when the one-off
 * ended during a step (or before the first one), one unfinished entry holds the rest of the output and the one-off's
 * exit code. Steps never reached are absent.
 */
export function splitRelease(r: DockerExecResult, marker: string, count: number): ReleaseStepResult[] {
  const pattern = new RegExp(`\\n?${escape(marker)} (\\d+) (-?\\d+) (\\d+)\\r?\\n`, 'g');
  const cut = (text: string) => {
    const parts = new Map<number, { text: string; code: number; ms: number }>();
    let from = 0;
    for (const m of text.matchAll(pattern)) {
      parts.set(Number(m[1]), { text: text.slice(from, m.index), code: Number(m[2]), ms: Number(m[3]) });
      from = m.index + m[0].length;
    }
    return { parts, rest: text.slice(from) };
  };
  const out = cut(r.stdout);
  const err = cut(r.stderr);
  const results: ReleaseStepResult[] = [];
  for (let i = 0; i < count; i++) {
    const o = out.parts.get(i);
    const e = err.parts.get(i);
    const end = o ?? e;
    if (!end) break;
    results.push({
      exitCode: end.code,
      stdout: o?.text ?? '',
      stderr: e?.text ?? '',
      finished: true,
      durationMs: end.ms,
    });
  }
  if (results.length < count && (out.rest.trim() || err.rest.trim() || r.exitCode !== 0)) {
    results.push({
      exitCode: r.exitCode,
      stdout: out.rest,
      stderr: err.rest,
      finished: false,
      ...(r.timedOut ? { timedOut: true } : {}),
    });
  }
  return results;
}
