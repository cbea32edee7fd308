/** Where a failed build broke, read from the builder's log (BuildKit or the classic builder). */
export interface BuildFailure {
  /** 1-based line of the failing instruction in the Dockerfile, when found. */
  line?: number;
  /** The failing instruction as the builder printed it. */
  instruction?: string;
}

interface DockerfileInstruction {
  line: number;
  text: string;
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Instructions of a Dockerfile with the line each starts on; continuation lines are joined, comments dropped. */
export function dockerfileInstructions(text: string): DockerfileInstruction[] {
  const out: DockerfileInstruction[] = [];
  const lines = text.split(/\r?\n/);
  let current: DockerfileInstruction | undefined;
  let heredoc: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (!current && (/^\s*#/.test(raw) || raw.trim() === '')) continue;
    if (current && /^\s*#/.test(raw)) continue;
    const continued = /\\\s*$/.test(raw);
    const body = raw.replace(/\\\s*$/, '');
    if (current) current.text += ` ${body}`;
    else current = { line: i + 1, text: body };
    const marker = /<<-?\s*["']?(\w+)["']?/.exec(body);
    if (marker && /^\s*(RUN|COPY|ADD)\b/i.test(current.text)) heredoc = marker[1];
    if (!continued) {
      out.push({ line: current.line, text: normalize(current.text) });
      current = undefined;
    }
  }
  if (current) out.push({ line: current.line, text: normalize(current.text) });
  return out;
}

/** Finds the failing instruction: BuildKit's `Dockerfile:LINE`, else the classic builder's last `Step N/M : INSTR`. */
export function locateBuildFailure(log: string, dockerfileText?: string): BuildFailure {
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
