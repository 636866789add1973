import { DomainError } from './domain-error.ts';

/** The things a caller can name by id. */
export type NamedEntity =
  | 'account'
  | 'contact'
  | 'promise'
  | 'team'
  | 'token'
  | 'request'
  | 'touchpoint'
  | 'user';

/** "There is no account 0190…": a 404 naming the input field that held the id. */
export function notFound(entity: NamedEntity, id: string, field: string): DomainError {
  return new DomainError({
    code: `${entity}_not_found`,
    kind: 'not_found',
    field,
    message: `There is no ${entity} ${id}.`,
  });
}
