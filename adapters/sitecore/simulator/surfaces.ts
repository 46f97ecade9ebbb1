import { edgeSurface } from './edge/edge-surface.ts';
import { sscSurface } from './server/ssc-surface.ts';
import type { SimulatorSurface } from './server/sim-route.ts';

/**
 * The CMS API surfaces one simulator process serves: the SSC Item Service
 * (server/) and Experience Edge GraphQL (edge/). To add one, export a
 * SimulatorSurface from its module and list it here.
 */
export const SIMULATOR_SURFACES: readonly SimulatorSurface[] = [sscSurface, edgeSurface];
