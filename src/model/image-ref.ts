/** Splits an image reference; a ':' before the last '/' is a registry port, not a tag. */
export function splitImage(image: string): { repository: string; tag?: string; digest?: string } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  const slash = rest.lastIndexOf('/');
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return {
    repository: rest,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** A repository of Docker Hub's official images: `python`, `library/python`, `docker.io/library/python`. */
export function isOfficialRepository(repository: string): boolean {
  return /^((docker\.io|index\.docker\.io)\/)?(library\/)?[^/]+$/.test(repository);
}
