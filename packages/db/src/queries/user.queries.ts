import type { Team, User, UserRole } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import type { UserRow } from '../schema/user.table.ts';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as UserRole,
    teamId: row.team_id,
    createdAt: row.created_at,
  };
}

export async function insertUser(
  db: Db,
  user: Omit<User, 'teamId'> & { teamId?: string | null },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      team_id: user.teamId ?? null,
      created_at: user.createdAt,
    })
    .execute();
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toUser);
}

/** Puts a user in a team (or in none with null); false when there is no such user. */
export async function setUserTeam(
  db: Db,
  change: { userId: string; teamId: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ team_id: change.teamId })
    .where('id', '=', change.userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertTeam(db: Db, team: Team): Promise<void> {
  await db
    .insertInto('teams')
    .values({ id: team.id, name: team.name, created_at: team.createdAt })
    .execute();
}

export async function findTeam(db: Db, id: string): Promise<Team | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, name: row.name, createdAt: row.created_at };
}

export async function listTeams(db: Db): Promise<Team[]> {
  const rows = await db.selectFrom('teams').selectAll().orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
}

/** Gives a user another role; false when there is no such user. */
export async function setUserRole(
  db: Db,
  change: { userId: string; role: UserRole },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ role: change.role })
    .where('id', '=', change.userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row && toUser(row);
}
