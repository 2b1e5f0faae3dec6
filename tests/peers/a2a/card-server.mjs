// Serves Agent Cards as a test describes them, for Crosstalk's discovery and
// validation tests: `node card-server.mjs ROUTES.json`, where ROUTES maps a
// path to {status, contentType, file | body | text, redirect}. Express adds an
// ETag and answers If-None-Match with 304, as a well-kept card endpoint does.
import express from 'express';
import { readFileSync } from 'node:fs';

const routes = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = express();
app.set('etag', 'strong');

for (const [path, route] of Object.entries(routes)) {
  app.get(path, (req, res) => {
    if (route.redirect) return res.redirect(route.status ?? 302, route.redirect);
    res.status(route.status ?? 200);
    if (route.contentType) res.type(route.contentType);
    if (route.file) return res.send(readFileSync(route.file));
    if (route.text !== undefined) return res.send(String(route.text));
    return res.send(Buffer.from(JSON.stringify(route.body)));
  });
}
app.use((req, res) => res.status(404).type('text/plain').send('not found'));

const server = app.listen(Number(process.env.PORT ?? 0));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
