// Queries for charters and observations.
export {};
