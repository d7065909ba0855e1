-- STAT4 samples make SQLite prepare a statement again on every run when a bound value might change its
-- plan, which costs more than running our queries; sqlite_stat1's averages are enough (db/analyze.ts).
-- ANALYZE sqlite_schema makes this connection reload the statistics without the samples.
DROP TABLE IF EXISTS sqlite_stat4;
--> statement-breakpoint
ANALYZE sqlite_schema;
