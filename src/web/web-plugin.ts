/**
 * The web page: static files from this folder under /ui/ (GET / redirects there), plus the proposal diagram
 * as SVG for the page to show in an <img> (an image never runs script). The page talks to the JSON API with
 * the bearer token the user pasted; no build step, no framework, nothing fetched from the internet.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANGE_REQUEST_STATES } from '../change-requests/state-machine.ts';
import { renderSvg } from '../diagram/render-svg.ts';
import { problemResponses } from '../http/problem.ts';
import { currentUser } from '../identity/identity-plugin.ts';

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Served files, by URL name. Anything else under /ui/ is a 404. */
export const WEB_FILES = [
  'index.html',
  'app.css',
  'dom.js',
  'api.js',
  'render-proposal.js',
  'change-request-states.js',
  'conversations-view.js',
  'revisions-view.js',
  'review-view.js',
  'policy-view.js',
  'app.js',
] as const;

/**
 * The page's own policy: scripts and styles from this origin only, images from here or data: URLs (the
 * diagram), API calls to this origin. Stricter than the app-wide default (no https: styles, no framing) and
 * without `upgrade-insecure-requests`, which would break the page when it is served over plain HTTP.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

/** An SVG shown on its own can hold no script or remote content. */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Served files made from the API's own definitions rather than read from this folder. */
const GENERATED: Readonly<Record<string, string>> = {
  'change-request-states.js': `(window.IC = window.IC || {}).changeRequestStates = ${JSON.stringify(CHANGE_REQUEST_STATES)};\n`,
};

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of WEB_FILES) {
    const generated = GENERATED[name];
    const body =
      generated === undefined ? readFileSync(new URL(`./${name}`, import.meta.url)) : Buffer.from(generated);
    const ext = name.slice(name.lastIndexOf('.') + 1);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(name, { body, type: TYPES[ext] ?? 'application/octet-stream', etag });
  }
  return assets;
}

export const webRoutes: FastifyPluginAsyncZod = async (app) => {
  const assets = loadAssets();
  const hide = { hide: true };

  app.get('/', { schema: hide }, async (_request, reply) => reply.redirect('/ui/', 302));
  app.get('/ui', { schema: hide }, async (_request, reply) => reply.redirect('/ui/', 301));

  const sendAsset = (name: string, request: FastifyRequest, reply: FastifyReply) => {
    const asset = assets.get(name);
    if (!asset) return reply.callNotFound();
    // Revalidate every time (a new release must never run an old script), but cheaply: 304 on a match.
    reply
      .header('cache-control', 'no-cache')
      .header('etag', asset.etag)
      .header('content-security-policy', PAGE_CSP);
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    return reply.type(asset.type).send(asset.body);
  };
  app.get('/ui/', { schema: hide }, async (request, reply) => sendAsset('index.html', request, reply));
  app.get(
    '/ui/:file',
    { schema: { ...hide, params: z.object({ file: z.string().max(100) }) } },
    async (request, reply) => sendAsset(request.params.file, request, reply),
  );

  app.get(
    '/ui/diagram/:conversationId/:proposalId',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['web'],
        summary: 'The architecture diagram of a proposal, as SVG (for the web page)',
        params: z.object({ conversationId: z.uuid(), proposalId: z.uuid() }),
        response: { 200: z.string(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { conversationId, proposalId } = request.params;
      const proposal = await app.conversations.proposal(conversationId, proposalId, currentUser(request));
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-security-policy', SVG_CSP)
        .header('cache-control', 'private, max-age=3600')
        .send(renderSvg(proposal.architecture));
    },
  );
};
