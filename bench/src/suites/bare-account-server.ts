/**
 * The floor for api-overhead: a bare `node:http` server, alone in its process, that answers
 * `GET /trpc/account.get?input={"id":…}` with the very bytes the Steadfast server sends, read with
 * the same SQL from the same SQLite file, and nothing else (no auth, no validation, no framework).
 *
 * Run as a child process: `node --import tsx bare-account-server.ts <sqlite file>`; it prints
 * `bare listening on http://127.0.0.1:<port>` once it accepts connections.
 */
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

interface AccountRow {
  id: string;
  name: string;
  owner_id: string;
  stage: string;
  tier: string;
  time_zone: string;
  customer_since: string | null;
  calendar: string | null;
  created_at: string;
  version: number;
}

interface ContactRow {
  id: string;
  account_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: bare-account-server.ts <sqlite file>');
const db = new Database(file, { readonly: true, fileMustExist: true });
// The SQL Kysely sends for findAccount and listContacts.
const accountById = db.prepare<[string], AccountRow>('select * from "accounts" where "id" = ?');
const contactsOf = db.prepare<[string], ContactRow>(
  'select * from "contacts" where "account_id" = ? order by "name"',
);

/** The tRPC answer for account.get: `{"result":{"data":{"account":…,"contacts":[…]}}}`. */
function accountBody(id: string): string | null {
  const row = accountById.get(id);
  if (row === undefined) return null;
  const account = {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    stage: row.stage,
    tier: row.tier,
    timeZone: row.time_zone,
    customerSince: row.customer_since,
    calendar: row.calendar === null ? null : JSON.parse(row.calendar),
    createdAt: row.created_at,
    version: row.version,
  };
  const contacts = contactsOf.all(row.id).map((contact) => ({
    id: contact.id,
    accountId: contact.account_id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    role: contact.role,
  }));
  return JSON.stringify({ result: { data: { account, contacts } } });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://bare');
  let id: unknown;
  try {
    id = (JSON.parse(url.searchParams.get('input') ?? 'null') as { id?: unknown } | null)?.id;
  } catch {
    id = undefined;
  }
  const body =
    url.pathname === '/trpc/account.get' && typeof id === 'string' ? accountBody(id) : null;
  if (body === null) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(body);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  console.log(`bare listening on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
