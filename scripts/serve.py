#!/usr/bin/env python3
"""Serves the built site (scripts/build-web.sh) on 127.0.0.1 only.

Every response carries the Content-Security-Policy (only this origin; wasm
compilation allowed; no inline scripts or styles) and the cross-origin
isolation headers. Only regular files under the site folder are served:
paths with `..`, backslashes, NUL or encoded separators are refused, and
the resolved path (links followed) must stay inside the folder.

Usage: python3 scripts/serve.py [SITE_DIR] [--port 8080]
"""

import argparse
import os
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
    "img-src 'self' blob: data:; style-src 'self'; worker-src 'self'"
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # Revalidate every time: the service worker does the offline caching.
    "Cache-Control": "no-cache",
}

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".onnx": "application/octet-stream",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}


def resolve(root, url_path):
    """The file under `root` that `url_path` names, or None if it names
    nothing servable (outside the root, hidden, not a regular file)."""
    path = urllib.parse.urlsplit(url_path).path
    raw = urllib.parse.unquote(path, errors="strict")
    if "\0" in raw or "\\" in raw or not raw.startswith("/"):
        return None
    parts = [p for p in raw.split("/") if p]
    if any(p in (".", "..") or p.startswith(".") for p in parts):
        return None
    candidate = os.path.join(root, *parts)
    if os.path.isdir(candidate):
        candidate = os.path.join(candidate, "index.html")
    real = os.path.realpath(candidate)
    if os.path.commonpath([real, root]) != root or not os.path.isfile(real):
        return None
    return real


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD of static files, with the security headers."""

    root = "."
    server_version = "sdr-serve"
    sys_version = ""

    def send_common(self, status, content_type, length):
        self.send_response(status)
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def refuse(self, status, head_only):
        body = f"{status.value} {status.phrase}\n".encode()
        self.send_common(status, "text/plain; charset=utf-8", len(body))
        if not head_only:
            self.wfile.write(body)

    def serve(self, head_only):
        try:
            path = resolve(self.root, self.path)
        except UnicodeDecodeError:
            path = None
        if path is None:
            return self.refuse(HTTPStatus.NOT_FOUND, head_only)
        content_type = TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")
        size = os.path.getsize(path)
        self.send_common(HTTPStatus.OK, content_type, size)
        if head_only:
            return
        # A browser that leaves (a reload, a closed tab) drops the
        # connection mid-file: nothing to do but stop sending.
        try:
            with open(path, "rb") as f:
                while chunk := f.read(1 << 20):
                    self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.log_message("client left during %s", self.path)

    def do_GET(self):
        self.serve(False)

    def do_HEAD(self):
        self.serve(True)

    def do_POST(self):
        self.refuse(HTTPStatus.METHOD_NOT_ALLOWED, False)

    do_PUT = do_DELETE = do_PATCH = do_POST

    def log_message(self, fmt, *args):
        if os.environ.get("SDR_SERVE_QUIET") != "1":
            sys.stderr.write("serve: %s\n" % (fmt % args))


def make_server(root, port):
    """A server for `root` on 127.0.0.1:`port` (0: any free port)."""
    handler = type("SiteHandler", (Handler,), {"root": os.path.realpath(root)})
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="target/site")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.site, "index.html")):
        sys.exit(f"serve: {args.site}/index.html missing; run scripts/build-web.sh")
    server = make_server(args.site, args.port)
    print(f"serve: http://127.0.0.1:{server.server_address[1]}/ ({os.path.realpath(args.site)})")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
