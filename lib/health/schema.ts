import { z } from "zod";

/** 立即体检 takes nothing: what to check is the site itself. */
export const runHealthCheckSchema = z.object({});
