import { defineRule } from './lib/rule.js';

export const parseError = defineRule({
  id: 'TF0001',
  name: 'parse-error',
  factor: '0',
  severity: 'warning',
  kind: 'S',
  title: 'A Dockerfile, compose file or settings module cannot be parsed; the rest of the analysis goes on',
  help: `A file the review needs could not be read or parsed, so every rule that depends on it stayed silent for it.
The rest of the repository was still analysed. Docker, Compose or Django would most likely reject the same file,
so fix the syntax error at the reported line (or make the file UTF-8 text under 2 MiB; UTF-16 with a byte-order mark,
as PowerShell writes it, is read too). A compose file in the legacy version-1 format (services at the top level,
no \`services:\` key) is read as that format, but \`docker compose\` v2 refuses it: move the services under
\`services:\`. A compose file that repeats a key in one mapping (two \`restart:\` in a service) is read with the
last value winning, as the old docker-compose did, but \`docker compose\` v2 refuses it: keep one.

\`\`\`dockerfile
# Before: an instruction Docker does not know
FROM python:3.12-slim
RUNN pip install -r requirements.txt

# After
FROM python:3.12-slim
RUN pip install -r requirements.txt
\`\`\`
`,
  related: [],
  check(project) {
    return project.parseErrors.map((e) => ({
      file: e.file,
      ...(e.line !== undefined && e.line >= 1 ? { line: e.line } : {}),
      message: e.message,
    }));
  },
});
