declare module 'better-sqlite3/lib/index.js' {
  import SqliteDatabase from 'better-sqlite3';
  export default SqliteDatabase;
}
