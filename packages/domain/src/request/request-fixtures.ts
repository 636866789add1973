import { standardBusinessCalendar } from '../calendar/business-calendar.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { Instant } from '../shared/instant.ts';
import {
  type CustomerRequest,
  type ReceiveRequestInput,
  receiveRequest,
  receiveRequestInputSchema,
} from './customer-request.ts';

/** Fixed ids, so that failures print the same every run. */
export const requestIds = {
  account: '0190a4b2-0000-7000-8000-00000000a001',
  contact: '0190a4b2-0000-7000-8000-00000000c001',
  owner: '0190a4b2-0000-7000-8000-00000000b001',
  actor: '0190a4b2-0000-7000-8000-00000000b002',
  request: '0190a4b2-0000-7000-8000-00000000e001',
  promise: '0190a4b2-0000-7000-8000-00000000d001',
} as const;

/** When the customer asks in these tests: Monday 2 March 2026, 09:00 UTC (10:00 in Berlin). */
export const ASKED_AT: Instant = '2026-03-02T09:00:00.000Z';
/** The moment "now" is when the request is answered: the same Monday, 11:00 UTC. */
export const ANSWERED_AT: Instant = '2026-03-02T11:00:00.000Z';
/** When the customer wants it by: Friday 6 March 2026, 16:00 UTC. */
export const WANTED_BY: Instant = '2026-03-06T16:00:00.000Z';

/** Monday to Friday 09:00–17:00 in Berlin. */
export const berlinOffice = standardBusinessCalendar('Europe/Berlin');

/** An open request as `receiveRequest` gives it, received at ASKED_AT. */
export function anOpenRequest(overrides: Partial<ReceiveRequestInput> = {}): CustomerRequest {
  const command = receiveRequestInputSchema.parse({
    accountId: requestIds.account,
    contactId: requestIds.contact,
    ownerId: requestIds.owner,
    kind: 'delivery',
    title: '40 pallets of grout by Friday',
    details: 'For the Lindenstraße site',
    wantedBy: { kind: 'point', at: WANTED_BY },
    ...overrides,
  });
  return receiveRequest(command, {
    requestId: requestIds.request,
    now: ASKED_AT,
    actorId: requestIds.actor,
  });
}

/** The DomainError `act` throws (fails the test when it throws nothing or something else). */
export function domainErrorOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
