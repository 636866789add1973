import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's recommended minimum cost:
// 19 MiB of memory, 2 iterations, 1 lane. Slow on purpose: a stolen hash is costly to guess.
const cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The argon2id hash a password is stored as (a PHC string with its own random salt). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, cost);
}

/** Whether a password matches its stored hash; a malformed hash never matches. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
