CREATE TABLE "observation_rollups" (
	"chain_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"periodicity" text NOT NULL,
	"bucket" text NOT NULL,
	"actor_key" uuid NOT NULL,
	"status" text NOT NULL,
	"bucket_start" date NOT NULL,
	"year_start" date NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"latest" double precision NOT NULL,
	"latest_start" date NOT NULL,
	CONSTRAINT "observation_rollups_chain_id_indicator_id_periodicity_bucket_actor_key_status_pk" PRIMARY KEY("chain_id","indicator_id","periodicity","bucket","actor_key","status")
);
--> statement-breakpoint
ALTER TABLE "observation_rollups" ADD CONSTRAINT "observation_rollups_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_rollups_actor_year_idx" ON "observation_rollups" USING btree ("chain_id","indicator_id","actor_key","year_start");--> statement-breakpoint
-- Incremental roll-ups of the observations (see server/src/db/schema/rollups.ts). Statement-level
-- triggers with transition tables recompute every (indicator, actor, year) touched by a statement,
-- in the same transaction: exact for every aggregation (min, max and latest included), and one
-- recomputation per actor and year however many rows an import writes.
CREATE OR REPLACE FUNCTION observation_rollups_refresh(p_chains uuid[], p_indicators uuid[], p_actors uuid[], p_years date[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One writer per indicator at a time, in a fixed order: a concurrent writer waits, then its
  -- statements below see what the first one committed (READ COMMITTED). One lock per indicator,
  -- not per actor and year, so that a big import takes a handful of locks, not thousands.
  PERFORM pg_advisory_xact_lock(h)
  FROM (SELECT DISTINCT hashtextextended('tisserand:rollup:' || k.chain_id::text || k.indicator_id::text, 0) AS h
        FROM unnest(p_chains, p_indicators) AS k(chain_id, indicator_id)
        ORDER BY 1) locks;

  DELETE FROM observation_rollups r
  USING unnest(p_chains, p_indicators, p_actors, p_years) AS k(chain_id, indicator_id, actor_key, year_start)
  WHERE r.chain_id = k.chain_id AND r.indicator_id = k.indicator_id
    AND r.actor_key = k.actor_key AND r.year_start = k.year_start;

  INSERT INTO observation_rollups
    (chain_id, indicator_id, periodicity, bucket, actor_key, status, bucket_start, year_start,
     sum, count, min, max, latest, latest_start)
  SELECT k.chain_id, k.indicator_id, b.periodicity, b.bucket, k.actor_key, o.status, b.bucket_start, k.year_start,
    sum(o.value), count(*)::int, min(o.value), max(o.value),
    (array_agg(o.value ORDER BY o.period_start DESC))[1], max(o.period_start)
  FROM unnest(p_chains, p_indicators, p_actors, p_years) AS k(chain_id, indicator_id, actor_key, year_start)
  -- Two plain equalities rather than IS NOT DISTINCT FROM, so that the observations' unique index
  -- (chain_id, indicator_id, actor_id, period) finds each actor's rows directly.
  JOIN LATERAL (
    SELECT x.period, x.period_start, x.value, x.status FROM observations x
    WHERE x.chain_id = k.chain_id AND x.indicator_id = k.indicator_id AND x.actor_id = k.actor_key
      AND x.period_start >= k.year_start AND x.period_start < (k.year_start + interval '1 year')::date
    UNION ALL
    SELECT x.period, x.period_start, x.value, x.status FROM observations x
    WHERE k.actor_key = '00000000-0000-0000-0000-000000000000'::uuid
      AND x.chain_id = k.chain_id AND x.indicator_id = k.indicator_id AND x.actor_id IS NULL
      AND x.period_start >= k.year_start AND x.period_start < (k.year_start + interval '1 year')::date
  ) o ON true
  CROSS JOIN LATERAL (
    SELECT 'month'::text AS periodicity, to_char(o.period_start, 'YYYY-MM') AS bucket,
           date_trunc('month', o.period_start)::date AS bucket_start
    WHERE length(o.period) = 7
    UNION ALL
    SELECT 'quarter', to_char(o.period_start, 'YYYY') || '-Q' || extract(quarter FROM o.period_start)::int,
           date_trunc('quarter', o.period_start)::date
    WHERE length(o.period) <> 4
    UNION ALL
    SELECT 'year', to_char(o.period_start, 'YYYY'), date_trunc('year', o.period_start)::date
  ) b
  WHERE o.status IN ('submitted', 'approved')
  GROUP BY k.chain_id, k.indicator_id, b.periodicity, b.bucket, k.actor_key, o.status, b.bucket_start, k.year_start;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION observation_rollups_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM observation_rollups_refresh(array_agg(chain_id), array_agg(indicator_id), array_agg(actor_key), array_agg(year_start))
  FROM (SELECT DISTINCT chain_id, indicator_id,
          coalesce(actor_id, '00000000-0000-0000-0000-000000000000'::uuid) AS actor_key,
          date_trunc('year', period_start)::date AS year_start
        FROM new_rows) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION observation_rollups_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM observation_rollups_refresh(array_agg(chain_id), array_agg(indicator_id), array_agg(actor_key), array_agg(year_start))
  FROM (SELECT chain_id, indicator_id, coalesce(actor_id, '00000000-0000-0000-0000-000000000000'::uuid) AS actor_key,
          date_trunc('year', period_start)::date AS year_start FROM new_rows
        UNION
        SELECT chain_id, indicator_id, coalesce(actor_id, '00000000-0000-0000-0000-000000000000'::uuid),
          date_trunc('year', period_start)::date FROM old_rows) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION observation_rollups_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM observation_rollups_refresh(array_agg(chain_id), array_agg(indicator_id), array_agg(actor_key), array_agg(year_start))
  FROM (SELECT DISTINCT chain_id, indicator_id,
          coalesce(actor_id, '00000000-0000-0000-0000-000000000000'::uuid) AS actor_key,
          date_trunc('year', period_start)::date AS year_start
        FROM old_rows) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER observation_rollups_insert AFTER INSERT ON observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_rollups_after_insert();
--> statement-breakpoint
CREATE TRIGGER observation_rollups_update AFTER UPDATE ON observations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_rollups_after_update();
--> statement-breakpoint
CREATE TRIGGER observation_rollups_delete AFTER DELETE ON observations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION observation_rollups_after_delete();
--> statement-breakpoint
-- Existing data: every (indicator, actor, year) once.
SELECT observation_rollups_refresh(array_agg(chain_id), array_agg(indicator_id), array_agg(actor_key), array_agg(year_start))
FROM (SELECT DISTINCT chain_id, indicator_id,
        coalesce(actor_id, '00000000-0000-0000-0000-000000000000'::uuid) AS actor_key,
        date_trunc('year', period_start)::date AS year_start
      FROM observations) k;
