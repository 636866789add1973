// The tables of touchpoints, gathered into Database.
export type TouchpointTables = {};
