// The Swedish page a browser lands on when single sign-on cannot let it in: the callback is a browser
// navigation from the identity provider, so the answer is a page, not a JSON error for the web app.

import type { FastifyReply } from "fastify";
import { escapeHtml } from "../../documents/escape-html.ts";

/** Sets the status and type on `reply` and returns the page, for the route handler to answer with. */
export function refusalPage(reply: FastifyReply, status: number, heading: string, message: string): string {
  const html = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)} – Lots</title>
<style>
body { font-family: system-ui, sans-serif; color: #1b1f24; background: #f4f5f7; margin: 0; }
main { max-width: 36rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
a { color: #0b4f8a; }
</style>
</head>
<body>
<main id="main">
<h1>${escapeHtml(heading)}</h1>
<p role="alert">${escapeHtml(message)}</p>
<p><a href="/">Till inloggningssidan</a></p>
</main>
</body>
</html>
`;
  reply.code(status).type("text/html; charset=utf-8");
  return html;
}
