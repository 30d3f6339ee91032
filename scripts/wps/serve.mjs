/** A static server for dist/ on 127.0.0.1 (GET only, nothing outside dist/), for `npm run wps:debug`. */
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

export function serveDist(root, port) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.normalize(path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    if (req.method !== "GET" || !file.startsWith(path.normalize(root + path.sep)))
      return res.writeHead(404).end();
    stat(file)
      .then((s) => (s.isFile() ? readFile(file) : Promise.reject(new Error("not a file"))))
      .then(
        (body) =>
          res
            .writeHead(200, {
              "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
              "cache-control": "no-store",
            })
            .end(body),
        () => res.writeHead(404).end()
      );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, server })
    );
  });
}
