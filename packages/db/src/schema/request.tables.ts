// The tables of requests, friction reports and satisfaction signals, gathered into Database.
export type RequestTables = {};
