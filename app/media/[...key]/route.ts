import { getSessionUser } from "@/lib/auth/session";
import { serveMedia } from "@/lib/media/serve";

/** Uploaded media, public or staff-only (lib/media/access.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  return serveMedia((await params).key.join("/"), getSessionUser);
}
