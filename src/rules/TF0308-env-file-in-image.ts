import { filesCopiedIntoImage, isEnvFile } from './lib/files.js';
import { defineRule } from './lib/rule.js';

export const envFileInImage = defineRule({
  id: 'TF0308',
  name: 'env-file-in-image',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    'A .env-style file (.env, *.env, .env.*) that exists in the context reaches the image (explicit COPY, or COPY . not excluded by .dockerignore)',
  help: `Config belongs in the environment of each deploy, not in the artefact. A \`.env\` file copied into the image ships
its secrets to everyone who can pull the image, and the same image then carries one environment's config into every
other one. Keep \`.env\` files out of the build context and pass the values at run time (\`docker run --env-file\`,
compose \`env_file:\`, or your platform's secrets).

\`\`\`
# .dockerignore
.env
.env.*
!.env.example
\`\`\`
`,
  related: [],
  check(project) {
    return filesCopiedIntoImage(
      project,
      isEnvFile,
      (names, files) =>
        `This instruction copies ${names} into the image, so its secrets ship with the image. Add ${files.length > 1 ? 'them' : 'it'} to .dockerignore (e.g. '.env' and '.env.*') and pass the values as environment variables at run time.`,
    );
  },
});
