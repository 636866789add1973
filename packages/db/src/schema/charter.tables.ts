// The tables of charters and observations, gathered into Database.
export type CharterTables = {};
