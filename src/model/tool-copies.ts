// Dockerfiles kept in a tool's hidden folder (an AI assistant's rules, an editor's templates): copies, no images.

/** Hidden directories that hold real images: a dev container's, CI's, Docker's own folder. */
const IMAGE_DOT_DIR = /^\.(devcontainer|docker|github|gitlab|circleci|ci|deploy|build)$/i;

/** The hidden directory (`.assistant`, `.cursor`) a Dockerfile sits under, unless it is one that holds real images. */
function toolDirectoryOf(path: string): string | undefined {
  const parts = path.split('/').slice(0, -1);
  const at = parts.findIndex((p) => p.startsWith('.') && p !== '.' && p !== '..');
  return at >= 0 && !IMAGE_DOT_DIR.test(parts[at]!) ? parts.slice(0, at + 1).join('/') : undefined;
}

/**
 * Why a Dockerfile is a tool's copy rather than an image of the app (`.assistant/rules/docker/Dockerfile`, kept as an
 * example for an AI assistant): it sits in a hidden folder of a tool, nothing builds it, and another Dockerfile
 * outside such folders is there to be the app's.
 */
export function toolCopyReason(dockerfile: string, others: string[], built: Set<string>): string | undefined {
  const dir = toolDirectoryOf(dockerfile);
  if (!dir || built.has(dockerfile)) return undefined;
  if (!others.some((o) => o !== dockerfile && !toolDirectoryOf(o))) return undefined;
  return `it sits in ${dir}/, a tool's hidden folder, and nothing builds it: a copy kept there, not the app's image`;
}
