import { sscAuthRoutes } from './ssc-auth-routes.ts';
import { sscReadRoutes } from './ssc-read-routes.ts';
import { sscSearchRoutes } from './ssc-search-route.ts';
import { sscWriteRoutes } from './ssc-write-routes.ts';
import type { SimulatorSurface } from './sim-route.ts';

/** Sitecore.Services.Client Item Service REST surface (reference §1). Order matters: search before item/{id}. */
export const sscSurface: SimulatorSurface = {
  id: 'ssc',
  routes: () => [...sscAuthRoutes(), ...sscSearchRoutes(), ...sscReadRoutes(), ...sscWriteRoutes()],
};
