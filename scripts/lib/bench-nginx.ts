import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitForHttp } from "./bench-helpers";

/**
 * nginx serving the static snapshot the way docs/deploy.md describes (static first,
 * the app as fallback), on loopback, for the --static bench. Needs Debian's nginx.
 */
export async function startNginx(staticRoot: string, appPort: number, port: number) {
  const binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (!binary) throw new Error("nginx is not installed: apt-get install -y nginx");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-nginx-"));
  const conf = `
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  include /etc/nginx/mime.types;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream gazette { server 127.0.0.1:${appPort}; keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    root ${staticRoot};
    location ~ /\\. { return 404; }
    include ${staticRoot}/.redirects*.conf;
    location / { try_files $uri $uri/index.html @app; include ${staticRoot}/.security-headers.conf; }
    location @app { proxy_pass http://gazette; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child = spawn(binary, ["-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: "inherit" });
  await waitForHttp(`http://127.0.0.1:${port}/`, 10_000);
  return {
    stop() {
      child.kill("SIGQUIT");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
