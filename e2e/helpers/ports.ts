/**
 * Where the journeys' servers listen. Each line of journeys (playwright.config.ts) has its
 * own instance and database; ports E2E_PORT+1 to +3 are for the extra instances some
 * journeys start on line A's database (scale-out, serving-copies).
 */
export const E2E_PORT = Number(process.env.E2E_PORT || 3210);
export const E2E_PORT_B = E2E_PORT + 10;
export const E2E_INSTANCE_PORTS = [E2E_PORT, E2E_PORT_B] as const;
export const baseUrlOf = (port: number) => `http://127.0.0.1:${port}`;
/** The production build every instance runs (a folder of its own: never a developer's .next). */
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR || ".next-e2e";
