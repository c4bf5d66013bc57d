import { baseUrlOf, E2E_INSTANCE_PORTS } from "./helpers/ports";

/**
 * Playwright waits for instance A's health (webServer.url); the others start beside it
 * (scripts/e2e-server.ts) and are waited for here, before any journey runs.
 */
export default async function waitForEveryInstance(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (const port of E2E_INSTANCE_PORTS) {
    const url = `${baseUrlOf(port)}/api/health`;
    for (;;) {
      const status = await fetch(url).then((r) => r.status, () => 0);
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`the journeys' instance on port ${port} did not answer ${url} within 3 minutes (last status ${status})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
