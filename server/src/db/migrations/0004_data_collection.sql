CREATE TABLE "campaigns" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"period" text NOT NULL,
	"indicator_ids" uuid[] NOT NULL,
	"actor_ids" uuid[] NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "campaigns_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"unit" text,
	"category" text NOT NULL,
	"capitals" text[] DEFAULT '{}' NOT NULL,
	"dimension" text,
	"value_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"numerator_id" uuid,
	"denominator_id" uuid,
	"factor" double precision,
	"periodicity" text NOT NULL,
	"direction" text NOT NULL,
	"target" double precision,
	"min" double precision,
	"max" double precision,
	"reporters" text NOT NULL,
	"reporter_stage_ids" uuid[],
	"status" text NOT NULL,
	"confidentiality" text NOT NULL,
	CONSTRAINT "indicators_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "indicators_code_unique" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "notifications_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "notifications_dedupe" UNIQUE("chain_id","user_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"actor_id" uuid,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"reject_reason" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	CONSTRAINT "observations_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "observations_key" UNIQUE NULLS NOT DISTINCT("chain_id","indicator_id","actor_id","period")
);
--> statement-breakpoint
CREATE TABLE "success_stories" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"actor_ids" uuid[] DEFAULT '{}' NOT NULL,
	"indicator_id" uuid,
	"period" text,
	"date" date NOT NULL,
	"created_by" uuid,
	CONSTRAINT "success_stories_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_chain_id_numerator_id_indicators_chain_id_id_fk" FOREIGN KEY ("chain_id","numerator_id") REFERENCES "public"."indicators"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_chain_id_denominator_id_indicators_chain_id_id_fk" FOREIGN KEY ("chain_id","denominator_id") REFERENCES "public"."indicators"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_chain_id_indicator_id_indicators_chain_id_id_fk" FOREIGN KEY ("chain_id","indicator_id") REFERENCES "public"."indicators"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_chain_id_actor_id_actors_chain_id_id_fk" FOREIGN KEY ("chain_id","actor_id") REFERENCES "public"."actors"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_stories" ADD CONSTRAINT "success_stories_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("chain_id","user_id","read_at");--> statement-breakpoint
CREATE INDEX "observations_series_idx" ON "observations" USING btree ("chain_id","indicator_id","period_start","actor_id");--> statement-breakpoint
CREATE INDEX "observations_actor_idx" ON "observations" USING btree ("chain_id","actor_id","period");