/** One issue of `manage.py check --deploy`: `?: (security.W018) You should not have DEBUG set to True ...`. */
export interface DeployCheckIssue {
  id: string; // security.W018
  level: 'critical' | 'error' | 'warning';
  object: string; // '?' for project-wide checks
  message: string;
}

const LEVELS: Record<string, DeployCheckIssue['level'] | undefined> = {
  C: 'critical',
  E: 'error',
  W: 'warning',
};

/** Parses Django's system check output; info and debug messages are left out. */
export function parseDeployCheck(output: string): DeployCheckIssue[] {
  const issues: DeployCheckIssue[] = [];
  for (const m of output.matchAll(/^(\S.*?): \(([\w.]+\.([CEWID])\d+)\) (.*)$/gm)) {
    const level = LEVELS[m[3]];
    if (!level || issues.some((i) => i.id === m[2])) continue;
    issues.push({ id: m[2], level, object: m[1], message: m[4].trim() });
  }
  return issues;
}
