import { listAuditEntries } from '@steadfast/db';
import { z } from 'zod';
import { adminProcedure, createRouter } from '../trpc.ts';

export const auditRouter = createRouter({
  /** The audit trail, newest first: every write with who, what, when and the versions it moved. */
  list: adminProcedure
    .input(
      z
        .object({
          entityId: z.string().max(200).optional(),
          limit: z.int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
        })
        .default({ limit: 100 }),
    )
    .query(({ ctx, input }) => listAuditEntries(ctx.db, input)),
});
