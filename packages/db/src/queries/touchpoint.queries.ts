// Queries for touchpoints.
export {};
