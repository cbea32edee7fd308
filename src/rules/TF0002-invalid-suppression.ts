import { defineRule } from './lib/rule.js';

export const invalidSuppression = defineRule({
  id: 'TF0002',
  name: 'invalid-suppression',
  factor: '0',
  severity: 'notice',
  kind: 'S',
  title: 'A suppression comment names an unknown rule or is malformed',
  help: `A \`# twelve-factor:\` comment could not be understood, so it suppresses nothing. Name rules by id or by name,
separated by commas, and give the reason after \`--\`. A comment on its own line applies to the next line that is not
blank or a comment (and to findings anchored on the comment's own line, such as "Dockerfile, line 1"); at the end of a
line it applies to that line. \`ignore-file=\` applies to the whole file. In a Dockerfile \`#\` starts a comment only
at the beginning of a line (or inside the shell text of RUN/CMD/ENTRYPOINT), and in \`.dockerignore\` only at the
beginning of a line: elsewhere the text would change the instruction or the pattern, so put the comment on its own
line above.

\`\`\`python
# Before: a typo in the rule name, so DEBUG is still reported
DEBUG = True  # twelve-factor: ignore=debug-in-cod

# After
DEBUG = True  # twelve-factor: ignore=debug-in-code -- local settings module, never deployed
\`\`\`
`,
  related: [],
  check(project) {
    return project.suppressionProblems.map((p) => ({ file: p.file, line: p.line, message: p.message }));
  },
});
