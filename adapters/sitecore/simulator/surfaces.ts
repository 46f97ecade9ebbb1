import { authoringSurface } from './authoring/authoring-surface.ts';
import { edgeSurface } from './edge/edge-surface.ts';
import { sscSurface } from './server/ssc-surface.ts';
import type { SimulatorSurface } from './server/sim-route.ts';

/**
 * The CMS API surfaces one simulator process serves: the SSC Item Service
 * (server/), Experience Edge GraphQL (edge/) and the XM Cloud Authoring and
 * Management GraphQL API with its OAuth token endpoint (authoring/). To add one, export a
 * SimulatorSurface from its module and list it here.
 */
export const SIMULATOR_SURFACES: readonly SimulatorSurface[] = [sscSurface, edgeSurface, authoringSurface];
