import { createRouter } from '../trpc.ts';

/** Touchpoints. */
export const touchpointRouter = createRouter({});
