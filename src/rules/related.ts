/** The tool a related id belongs to, and where its documentation is: docs/rules.md links each one. */
export interface RelatedCheck {
  tool: string;
  url: string;
}

const TOOLS: { match: RegExp; tool: string; url: (id: string) => string }[] = [
  { match: /^DL\d{4}$/, tool: 'hadolint', url: (id) => `https://github.com/hadolint/hadolint/wiki/${id}` },
  {
    match: /^security\.[EW]\d{3}$/,
    tool: "Django's system checks",
    url: () => 'https://docs.djangoproject.com/en/stable/ref/checks/#security',
  },
  {
    match: /^(service|services|no|require|top)-[a-z-]+$/,
    tool: 'dclint',
    url: (id) => `https://github.com/zavoloklom/docker-compose-linter/blob/main/docs/rules/${id}-rule.md`,
  },
  {
    match: /^CKV_DOCKER_\d+$/,
    tool: 'Checkov',
    url: () => 'https://www.checkov.io/5.Policy%20Index/dockerfile.html',
  },
  {
    match: /^DS-\d{4}$/,
    tool: 'Trivy',
    url: (id) => `https://avd.aquasec.com/misconfig/${id.toLowerCase()}`,
  },
  {
    match: /^[A-Z][A-Za-z]+$/,
    tool: 'Docker build checks',
    url: (id) =>
      `https://docs.docker.com/reference/build-checks/${id.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()}/`,
  },
];

/** The tool of a related id (DL3006: hadolint, security.W018: Django, ...), or undefined for an id of none known. */
export function relatedCheck(id: string): RelatedCheck | undefined {
  const known = TOOLS.find((t) => t.match.test(id));
  return known && { tool: known.tool, url: known.url(id) };
}
