import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { prefetchPortfolio } from './features/portfolio/use-portfolio.ts';
import { AppShell } from './features/shell/app-shell.tsx';
import { queryClient, trpcOptions } from './trpc.ts';

// Routes only compose features. Every page is its own chunk, loaded when first opened, so the
// first load carries the shell alone (charts and tables come with the pages that draw them).

const rankingScopes = ['account', 'manager', 'team'] as const;
export type RankingScope = (typeof rankingScopes)[number];
const adminTabs = ['users', 'teams', 'tokens', 'settings', 'audit'] as const;
export type AdminTab = (typeof adminTabs)[number];

function oneOf<T extends string>(options: readonly T[], value: unknown): T | undefined {
  return options.find((option) => option === value);
}

const rootRoute = createRootRoute({ component: Outlet });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && search.redirect.startsWith('/')
      ? { redirect: search.redirect }
      : {},
  component: lazyRouteComponent(() => import('./routes/login.tsx'), 'LoginRoute'),
});

/** Every page but the login needs someone logged in: anyone else goes to the login, and comes back. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    const user = await queryClient.ensureQueryData(trpcOptions.auth.me.queryOptions());
    if (user === null) {
      throw redirect({
        to: '/login',
        search: { redirect: location.pathname + location.searchStr },
      });
    }
  },
  component: AppShell,
});

const portfolioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): { ranking?: RankingScope } => {
    const ranking = oneOf(rankingScopes, search.ranking);
    return ranking === undefined ? {} : { ranking };
  },
  loaderDeps: ({ search }) => ({ ranking: search.ranking ?? 'account' }),
  // The reads start beside the page's code, not after it has loaded and rendered.
  loader: ({ deps }) => prefetchPortfolio(deps.ranking),
  component: lazyRouteComponent(() => import('./routes/portfolio.tsx'), 'PortfolioRoute'),
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts',
  component: lazyRouteComponent(() => import('./routes/accounts.tsx'), 'AccountsRoute'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId',
  component: lazyRouteComponent(() => import('./routes/account.tsx'), 'AccountRoute'),
});

const chartersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/charters',
  component: lazyRouteComponent(() => import('./routes/charters.tsx'), 'ChartersRoute'),
});

const gapsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/gaps',
  component: lazyRouteComponent(() => import('./routes/gaps.tsx'), 'GapsRoute'),
});

const frictionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/friction',
  component: lazyRouteComponent(() => import('./routes/friction.tsx'), 'FrictionRoute'),
});

const attentionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/attention',
  component: lazyRouteComponent(() => import('./routes/attention.tsx'), 'AttentionRoute'),
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  validateSearch: (search: Record<string, unknown>): { tab?: AdminTab } => {
    const tab = oneOf(adminTabs, search.tab);
    return tab === undefined ? {} : { tab };
  },
  component: lazyRouteComponent(() => import('./routes/admin.tsx'), 'AdminRoute'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    portfolioRoute,
    accountsRoute,
    accountRoute,
    chartersRoute,
    gapsRoute,
    frictionRoute,
    attentionRoute,
    adminRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultNotFoundComponent: () => (
    <section className="not-allowed">
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
    </section>
  ),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
