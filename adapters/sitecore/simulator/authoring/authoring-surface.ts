import type { ServerResponse } from 'node:http';
import { execute, GraphQLError, Kind, parse, validate, type DocumentNode, type SelectionSetNode } from 'graphql';
import { z } from 'zod';
import { sendJson } from '../server/responses.ts';
import type { SimRequest, SimRoute, SimulatorSurface } from '../server/sim-route.ts';
import { authoringFieldResolver } from './authoring-resolvers.ts';
import { authoringSchema } from './authoring-schema.ts';
import { createTokenIssuer, DEFAULT_AUTHORING_CLIENT, TOKEN_PATH } from './authoring-tokens.ts';

/** The real path of the Authoring and Management GraphQL endpoint on a CM host. */
export const AUTHORING_GRAPHQL_PATH = '/sitecore/api/authoring/graphql/v1';
export const AUTHORING_ROUTE_PATTERN = /^\/sitecore\/api\/authoring\/graphql\/v1\/?$/;
/** Deeper documents are rejected (mg-aceik docs/sitecore-setup.md §5, via the reference §2.5). */
const MAX_DEPTH = 13;
const DEFAULT_TTL_SECONDS = 24 * 60 * 60;

const bodySchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/** HotChocolate's error for an anonymous caller on an authorized field; the API sends it with HTTP 200. */
const NOT_AUTHENTICATED = {
  errors: [{ message: 'The current user is not authorized to access this resource.', extensions: { code: 'AUTH_NOT_AUTHENTICATED' } }],
  data: null,
};

function bearer(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function depthOf(set: SelectionSetNode | undefined): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD || selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet));
  }
  return deepest + 1;
}

function tooDeep(document: DocumentNode): boolean {
  return document.definitions.some((d) => (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) && depthOf(d.selectionSet) > MAX_DEPTH);
}

async function runGraphql(req: SimRequest, ctx: Parameters<typeof authoringFieldResolver>[0]): Promise<{ status: number; body: unknown }> {
  let json: unknown;
  try {
    json = JSON.parse(await req.body());
  } catch (error) {
    if (error instanceof SyntaxError) return { status: 400, body: { errors: [{ message: 'The request body is not valid JSON.' }] } };
    throw error;
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return { status: 400, body: { errors: [{ message: 'The request must be JSON with a non-empty "query" string.' }] } };
  let document: DocumentNode;
  try {
    document = parse(parsed.data.query);
  } catch (error) {
    if (error instanceof GraphQLError) return { status: 200, body: { errors: [error] } };
    throw error;
  }
  const invalid = validate(authoringSchema(), document);
  if (invalid.length > 0) return { status: 200, body: { errors: invalid } };
  if (tooDeep(document)) return { status: 200, body: { errors: [{ message: `The query exceeds the maximum allowed depth of ${MAX_DEPTH}.` }] } };
  const result = await execute({
    schema: authoringSchema(), document, variableValues: parsed.data.variables ?? {},
    operationName: parsed.data.operationName ?? undefined, fieldResolver: authoringFieldResolver(ctx),
  });
  return { status: 200, body: result };
}

/**
 * The Authoring and Management GraphQL API of an XM Cloud CM, over the same
 * tree SSC and Edge serve, plus the OAuth client-credentials token endpoint
 * (auth.sitecorecloud.io's /oauth/token, served on the simulator's origin).
 * Writes here are visible to SSC and Edge reads at once (the simulator does not
 * model publishing). See README.md in this folder.
 */
export const authoringSurface: SimulatorSurface = {
  id: 'authoring',
  routes(env): SimRoute[] {
    const client = env.options.authoringClient ?? DEFAULT_AUTHORING_CLIENT;
    const issuer = createTokenIssuer({ client, ttlSeconds: env.options.authoringTokenTtlSeconds ?? DEFAULT_TTL_SECONDS, now: () => env.now() });
    return [
      { name: 'authoring-token', methods: ['POST'], pattern: new RegExp(`^${TOKEN_PATH}/?$`), handle: (req, res) => issuer.handle(req, res) },
      {
        name: 'authoring-graphql', methods: ['POST'], pattern: AUTHORING_ROUTE_PATTERN,
        async handle(req, res: ServerResponse) {
          const clientId = issuer.clientOf(bearer(req));
          if (clientId === undefined) return sendJson(res, 200, NOT_AUTHENTICATED);
          const outcome = await runGraphql(req, { tree: env.tree, now: () => env.now(), user: `sitecore\\${clientId}` });
          sendJson(res, outcome.status, outcome.body);
        },
      },
    ];
  },
};
