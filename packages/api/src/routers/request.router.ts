import { createRouter } from '../trpc.ts';

/** Requests, friction reports and satisfaction signals. */
export const requestRouter = createRouter({});
