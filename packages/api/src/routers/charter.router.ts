import { createRouter } from '../trpc.ts';

/** Charters and observations. */
export const charterRouter = createRouter({});
