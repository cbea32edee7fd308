/** Local CLI: drives the same pipeline without @actions/core (wired by the report work). */
export async function cli(argv: string[]): Promise<number> {
  void argv;
  return 0;
}

process.exitCode = await cli(process.argv.slice(2));
