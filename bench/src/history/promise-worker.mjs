// Plain JavaScript entry for the promise worker threads: Node starts a worker from a file it can
// load itself, which then loads the TypeScript worker through tsx's API (as the bench is run).
import { tsImport } from 'tsx/esm/api';

await tsImport('./promise-worker.ts', import.meta.url);
