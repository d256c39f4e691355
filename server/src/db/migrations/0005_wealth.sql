CREATE TABLE "commitments" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"goal_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_date" date,
	"status" text NOT NULL,
	CONSTRAINT "commitments_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"dimension" text NOT NULL,
	"capitals" text[] DEFAULT '{}' NOT NULL,
	"indicator_id" uuid,
	"baseline" double precision,
	"target_value" double precision,
	"target_date" date,
	"status" text NOT NULL,
	CONSTRAINT "goals_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"lead_actor_id" uuid,
	"actor_ids" uuid[] DEFAULT '{}' NOT NULL,
	"goal_ids" uuid[] DEFAULT '{}' NOT NULL,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"budget" double precision,
	"wealth_matrix" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ownership_effect" integer DEFAULT 0 NOT NULL,
	"livelihoods_effect" integer DEFAULT 0 NOT NULL,
	"harm_acceptances" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "initiatives_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_chain_id_goal_id_goals_chain_id_id_fk" FOREIGN KEY ("chain_id","goal_id") REFERENCES "public"."goals"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_chain_id_actor_id_actors_chain_id_id_fk" FOREIGN KEY ("chain_id","actor_id") REFERENCES "public"."actors"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_chain_id_indicator_id_indicators_chain_id_id_fk" FOREIGN KEY ("chain_id","indicator_id") REFERENCES "public"."indicators"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_chain_id_lead_actor_id_actors_chain_id_id_fk" FOREIGN KEY ("chain_id","lead_actor_id") REFERENCES "public"."actors"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_goal_idx" ON "commitments" USING btree ("chain_id","goal_id");