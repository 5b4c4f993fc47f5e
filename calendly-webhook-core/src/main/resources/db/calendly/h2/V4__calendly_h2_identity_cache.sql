-- H2 writes the next block of an identity column's values to the file, in a commit of its own, each
-- time the block in memory runs out. The default block is 32 values, so a busy event table or audit log
-- paid one more file write every 32 rows (with WRITE_DELAY=0, for every audit batch of 32 rows or more).
-- With 4096 that write is rare. A process that stops without closing the database skips the values it
-- had not used: ids stay unique and increasing, with a gap. H2 only; PostgreSQL's sequences commit with
-- the transaction that uses them. Also applied by JdbcSchema.create(dataSource).
ALTER TABLE calendly_event ALTER COLUMN id SET CACHE 4096;
ALTER TABLE calendly_audit ALTER COLUMN id SET CACHE 4096;
