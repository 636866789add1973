import { z } from 'zod';

/**
 * What an integration token may do. Tokens are for systems (order desks, helpdesks, CRMs): they
 * post promises and observations, read scores and subscribe to webhooks, across all accounts,
 * within their scopes.
 */
export const tokenScopes = [
  'accounts:read',
  'promises:read',
  'promises:write',
  'observations:write',
  'scores:read',
  'webhooks:manage',
] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const createApiTokenInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  scopes: z
    .array(z.enum(tokenScopes))
    .min(1, 'must grant at least one scope')
    .transform((scopes) => [...new Set(scopes)].sort()),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInputSchema>;

/** An integration token as listed: never its secret, which is shown once when it is created. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
