import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A customer's website on its own origin (another port), embedding the widget with the public snippet.
 * `?identify=<json>` makes the page call Helpdesk.identify as a site with a logged-in user would;
 * `?nolocale` leaves the snippet's data-locale out, so the widget follows the visitor's browser.
 */
export async function startHostSite(appOrigin: string, channel: string) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== '/') return void res.writeHead(404).end();
    const identify = url.searchParams.get('identify');
    const locale = url.searchParams.has('nolocale') ? '' : ' data-locale="en"';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>
<style>button { background: red !important; font-size: 40px !important; } * { font-family: serif; }</style></head>
<body><h1>Ein Shop</h1>
<script src="${appOrigin}/widget.js" data-channel="${channel}"${locale} async></script>
${identify ? `<script>window.addEventListener('helpdesk:ready', () => Helpdesk.identify(${identify}));</script>` : ''}
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
