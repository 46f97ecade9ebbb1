import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../../../src/adapter-kit/index.ts';
import type { GroundTruth } from '../generator/ground-truth.ts';
import type { ResolvedSimulatorOptions } from '../simulator-types.ts';
import type { SimTree } from '../tree/sim-tree.ts';
import type { SessionStore } from './session-store.ts';

/** Query parameters with case-insensitive names (ASP.NET binds them that way). */
export interface SimQuery {
  get(name: string): string | undefined;
  getAll(name: string): string[];
}

export interface SimRequest {
  method: string;
  url: URL;
  /** Raw (still percent-encoded) path. */
  rawPath: string;
  /** Decoded capture groups of the route pattern. */
  params: string[];
  query: SimQuery;
  headers: IncomingMessage['headers'];
  cookies: Record<string, string>;
  /** The request body as text (read once, at most 10 MB). */
  body(): Promise<string>;
}

/** What every route handler can use. Shared by the SSC surface and the Edge surface. */
export interface SimEnvironment {
  tree: SimTree;
  options: ResolvedSimulatorOptions;
  sessions: SessionStore;
  groundTruth(): GroundTruth;
  /** The simulated clock: the generator's `now` plus the time elapsed since start (epoch ms). */
  now(): number;
  /** Counts a children fetch for an item (crash-torture tests look for pages fetched twice). */
  countChildrenFetch(id: string): void;
  logger: Logger;
}

export interface SimRoute {
  /** Stats key, e.g. "item", "children", "search", "edge-graphql". */
  name: string;
  methods: readonly string[];
  /** Matched against the raw path; capture groups become `params` (percent-decoded). */
  pattern: RegExp;
  /** Only match when this query parameter is present (case-insensitive name), e.g. `/item/?term=` is a search. */
  whenQuery?: string;
  handle(req: SimRequest, res: ServerResponse, env: SimEnvironment): Promise<void> | void;
}

/**
 * A CMS API surface served by the simulator process. The SSC Item Service is
 * one; the Experience Edge GraphQL surface (adapters/sitecore/simulator/edge/)
 * is another. Register surfaces in surfaces.ts.
 */
export interface SimulatorSurface {
  id: string;
  routes(env: SimEnvironment): SimRoute[];
}
