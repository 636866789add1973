#!/usr/bin/env node
// The `steadfast` command: runs the TypeScript CLI through tsx (the server's packages need no build).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/steadfast.ts');
