export type { AppRouter, RouterInputs, RouterOutputs } from '@steadfast/api';
export {
  createSteadfastClient,
  type SteadfastClient,
  type SteadfastClientOptions,
} from './client.ts';
export { type SteadfastError, steadfastErrorOf } from './steadfast-error.ts';
