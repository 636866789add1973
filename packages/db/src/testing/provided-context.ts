// What the global setup hands to every test of a run (`inject('postgresUrl')`).
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export {};
