/**
 * Hostile requests sent as raw bytes to the real server: each must get its status and never a
 * byte from outside the root (the secret beside the root, /etc, or a symlink's target).
 */
import assert from "node:assert/strict";
import { httpRequest, makeTempSite, rawRequest, SECRET, startServer } from "./site.ts";

interface Attack {
  name: string;
  /** Request target (path) unless `request` gives the whole raw request. */
  target?: string;
  method?: string;
  headers?: string[];
  request?: string;
  /** Accepted statuses; more than one only where Deno's HTTP layer answers before us. */
  status: number[];
}

const LONG = "/" + "a".repeat(5000);

const ATTACKS: Attack[] = [
  // Traversal that the URL parser folds back inside the root: plain misses.
  { name: "dot-dot to the secret", target: "/../secret.txt", status: [404] },
  { name: "deep dot-dot to /etc", target: "/../../../../../../etc/passwd", status: [404] },
  { name: "dot-dot after a folder", target: "/en/../../secret.txt", status: [404] },
  { name: "encoded dots", target: "/%2e%2e/secret.txt", status: [404] },
  { name: "mixed-case encoded dots", target: "/%2E%2e/%2e%2E/secret.txt", status: [404] },
  { name: "half-encoded dots", target: "/.%2e/.%2e/secret.txt", status: [404] },
  {
    name: "encoded dots under a folder",
    target: "/en/lecture-3/%2e%2e/%2e%2e/%2e%2e/secret.txt",
    status: [404],
  },
  // Escapes hidden inside one segment by encoding the separator: refused.
  { name: "encoded slash", target: "/..%2fsecret.txt", status: [400] },
  { name: "encoded dots and slash", target: "/%2e%2e%2f%2e%2e%2fsecret.txt", status: [400] },
  { name: "encoded slash deep", target: "/en/lecture-3/..%2f..%2f..%2fsecret.txt", status: [400] },
  { name: "encoded backslash", target: "/..%5csecret.txt", status: [400] },
  { name: "encoded backslash first", target: "/%5c..%5c..%5csecret.txt", status: [400] },
  { name: "double-encoded dots", target: "/%252e%252e/secret.txt", status: [400] },
  { name: "double-encoded dots and slash", target: "/%252e%252e%252fsecret.txt", status: [400] },
  { name: "double-encoded backslash", target: "/..%255csecret.txt", status: [400] },
  { name: "overlong UTF-8 dots", target: "/%c0%ae%c0%ae/secret.txt", status: [400] },
  { name: "malformed escape", target: "/%zz/secret.txt", status: [400] },
  // Backslashes: the URL parser reads them as slashes, so these fold back inside the root.
  { name: "raw backslash dot-dot", target: "/..\\secret.txt", status: [404] },
  { name: "raw backslashes deep", target: "/\\..\\..\\etc\\passwd", status: [404] },
  // NUL and control characters.
  { name: "encoded NUL", target: "/index.html%00.txt", status: [400] },
  { name: "encoded NUL before dot-dot", target: "/%00../secret.txt", status: [400] },
  { name: "encoded newline", target: "/en%0a/", status: [400] },
  {
    name: "raw NUL byte",
    request: "GET /index.html\0../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
    status: [400],
  },
  // Absolute paths and protocol-relative forms.
  { name: "absolute path /etc/passwd", target: "/etc/passwd", status: [404] },
  { name: "double slash absolute path", target: "//etc/passwd", status: [400] },
  { name: "protocol-relative open redirect", target: "//evil.example/en", status: [400] },
  { name: "encoded double slash", target: "/%2f%2fevil.example", status: [400] },
  { name: "absolute-form target", target: "http://127.0.0.1/../../secret.txt", status: [404] },
  { name: "windows drive", target: "/C:/Windows/win.ini", status: [404] },
  { name: "asterisk target", target: "*", status: [400] },
  // Symlinks out of the root.
  { name: "symlink to the secret", target: "/leak.txt", status: [404] },
  { name: "symlink to the parent folder", target: "/leakdir/secret.txt", status: [404] },
  { name: "symlink folder with index", target: "/outdir/", status: [404] },
  { name: "symlink folder redirect", target: "/outdir", status: [404] },
  { name: "symlink to /etc", target: "/etc-link/passwd", status: [404] },
  { name: "symlink to a dotfile", target: "/link-to-dot", status: [404] },
  // Dotfiles.
  { name: "dotfile", target: "/.hidden", status: [404] },
  { name: "encoded dotfile", target: "/%2ehidden", status: [404] },
  { name: "dot folder", target: "/.git/config", status: [404] },
  { name: "env file", target: "/.env", status: [404] },
  // Size limits.
  { name: "overlong URL", target: LONG, status: [414] },
  // Heads this large never reach the handler: Deno's HTTP layer answers 400 and closes.
  { name: "huge URL", target: "/" + "c".repeat(100_000), status: [400] },
  {
    name: "huge header",
    target: "/",
    headers: ["X-Junk: " + "d".repeat(100_000)],
    status: [400],
  },
  { name: "overlong file name", target: "/" + "b".repeat(300), status: [404] },
  // Methods.
  {
    name: "POST",
    method: "POST",
    target: "/index.html",
    headers: ["Content-Length: 0"],
    status: [405],
  },
  {
    name: "PUT",
    method: "PUT",
    target: "/index.html",
    headers: ["Content-Length: 0"],
    status: [405],
  },
  { name: "DELETE", method: "DELETE", target: "/index.html", status: [405] },
  { name: "PATCH", method: "PATCH", target: "/index.html", status: [405] },
  { name: "OPTIONS", method: "OPTIONS", target: "/", status: [405] },
  { name: "TRACE", method: "TRACE", target: "/", status: [405] },
  { name: "made-up method", method: "BREW", target: "/", status: [405] },
  { name: "CONNECT", method: "CONNECT", target: "127.0.0.1:80", status: [405] },
  // Malformed conditional and range headers.
  {
    name: "range past the end",
    target: "/robots.txt",
    headers: ["Range: bytes=99999-"],
    status: [416],
  },
  { name: "range garbage", target: "/robots.txt", headers: ["Range: bytes=abc"], status: [200] },
  { name: "range reversed", target: "/robots.txt", headers: ["Range: bytes=5-2"], status: [200] },
  {
    name: "range unit unknown",
    target: "/robots.txt",
    headers: ["Range: items=0-1"],
    status: [200],
  },
  { name: "range negative", target: "/robots.txt", headers: ["Range: bytes=--1"], status: [200] },
  {
    name: "range many parts",
    target: "/robots.txt",
    headers: ["Range: bytes=0-0,2-2,4-4"],
    status: [200],
  },
  {
    name: "if-none-match unterminated",
    target: "/robots.txt",
    headers: ['If-None-Match: "abc'],
    status: [200],
  },
  {
    name: "if-none-match garbage",
    target: "/robots.txt",
    headers: ["If-None-Match: ,,,;;"],
    status: [200],
  },
  {
    name: "if-none-match star",
    target: "/robots.txt",
    headers: ["If-None-Match: *"],
    status: [304],
  },
];

Deno.test("attack list covers at least 30 hostile requests", () => {
  assert.ok(ATTACKS.length >= 30, `only ${ATTACKS.length} attacks`);
});

Deno.test("no hostile request escapes the root", async (t) => {
  const site = await makeTempSite();
  const server = startServer({ root: site.root });
  const passwd = await Deno.readTextFile("/etc/passwd").catch(() => "root:x:0:0");
  const passwdLine = passwd.split("\n")[0];
  try {
    for (const attack of ATTACKS) {
      await t.step(attack.name, async () => {
        const request = attack.request ??
          httpRequest(attack.method ?? "GET", attack.target ?? "/", attack.headers);
        const res = await rawRequest(server.port, request);
        assert.ok(
          attack.status.includes(res.status),
          `${attack.name}: got ${res.status}, wanted ${attack.status.join(" or ")}`,
        );
        assert.ok(!res.raw.includes(SECRET), `${attack.name}: leaked the secret`);
        assert.ok(!res.raw.includes(passwdLine), `${attack.name}: leaked /etc/passwd`);
        if (res.status === 405) assert.equal(res.headers.get("allow"), "GET, HEAD");
      });
    }
  } finally {
    await server.close();
    await site.cleanup();
  }
});

Deno.test("a symlink that stays inside the root is served", async () => {
  const site = await makeTempSite();
  const server = startServer({ root: site.root });
  try {
    const res = await rawRequest(server.port, httpRequest("GET", "/inside-link.html"));
    assert.equal(res.status, 200);
    assert.match(res.body, /Home of the fixture site/);
  } finally {
    await server.close();
    await site.cleanup();
  }
});
