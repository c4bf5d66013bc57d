import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server on 127.0.0.1 for the remote-picture tests (fetcher, action, e2e):
 * each path answers as a route says, and every request's headers are recorded so a test
 * can assert on what the fetcher sent (no Referer, no Cookie).
 */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface ImageServer {
  origin: string;
  port: number;
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startImageServer(routes: Record<string, Route>): Promise<ImageServer> {
  const requests: ImageServer["requests"] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    requests.push({ path, headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const send =
  (body: Buffer | string, type: string, status = 200): Route =>
  (_req, res) =>
    res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) }).end(body);

export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) =>
    res.writeHead(status, { location }).end();
