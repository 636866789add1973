// Queries for requests, friction reports and satisfaction signals.
export {};
