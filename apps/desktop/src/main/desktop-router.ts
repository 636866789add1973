import { errorFormatter } from '@steadfast/api';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import type { Connection } from './connection.ts';
import { mailtoLink } from './mail-link.ts';

/** What the app's own procedures reach: the mode, and the person's mail client. */
export interface DesktopContext {
  connection: Connection;
  /** Opens a `mailto:` link in the system's mail client. */
  openExternal: (url: string) => Promise<void>;
}

const t = initTRPC.context<DesktopContext>().create({ errorFormatter });

const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/**
 * The app's own procedures, beside the API's: which mode it runs in, choosing it on first start,
 * and handing a drafted notice to the mail client. Reached as `desktop.*` over the same channel.
 */
export const desktopRouter = t.router({
  desktop: t.router({
    status: t.procedure.query(({ ctx }) => ctx.connection.status()),

    /** Local mode: this laptop only, the API in the app over a SQLite file in its data folder. */
    chooseLocal: t.procedure
      .input(z.object({ ownerName: nameSchema }))
      .mutation(async ({ ctx, input }) => {
        await ctx.connection.chooseLocal(input.ownerName);
        return ctx.connection.status();
      }),

    /** Team mode: the team's server; the person then logs in with `auth.login`. */
    chooseTeam: t.procedure
      .input(
        z.object({
          serverUrl: z.url({
            protocol: /^https?$/,
            error: 'must be an http:// or https:// address',
          }),
          email: z.email({ error: 'must be an e-mail address' }),
        }),
      )
      .mutation(({ ctx, input }) => {
        ctx.connection.chooseTeam(input);
        return ctx.connection.status();
      }),

    /** Opens the mail client with the message filled in; the person sends it themselves. */
    openMail: t.procedure
      .input(
        z.object({
          to: z.email({ error: 'must be an e-mail address' }).nullable(),
          subject: z.string().max(500, 'must be at most 500 characters'),
          body: z.string().max(20_000, 'must be at most 20000 characters'),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await ctx.openExternal(mailtoLink(input));
        return { opened: true };
      }),
  }),
});

export type DesktopRouter = typeof desktopRouter;
