CREATE TABLE "agreement_signatures" (
	"chain_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"terms_version" integer NOT NULL,
	"actor_id" uuid NOT NULL,
	"user_id" uuid,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_signatures_chain_id_agreement_id_terms_version_actor_id_pk" PRIMARY KEY("chain_id","agreement_id","terms_version","actor_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"chain_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"terms_version" integer NOT NULL,
	"terms" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "agreement_versions_chain_id_agreement_id_terms_version_pk" PRIMARY KEY("chain_id","agreement_id","terms_version")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"party_actor_ids" uuid[] NOT NULL,
	"terms" text NOT NULL,
	"terms_version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"effective_from" date,
	"expires_on" date,
	CONSTRAINT "agreements_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "conflict_sessions" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conflict_id" uuid NOT NULL,
	"date" date NOT NULL,
	"notes" text NOT NULL,
	"attendee_actor_ids" uuid[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "conflict_sessions_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"party_actor_ids" uuid[] NOT NULL,
	"description" text,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"resolution" text,
	"agreement_id" uuid,
	CONSTRAINT "conflicts_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "ideas" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"hypothesis" text,
	"risk_level" text NOT NULL,
	"capitals" text[] DEFAULT '{}' NOT NULL,
	"actor_ids" uuid[] DEFAULT '{}' NOT NULL,
	"status" text NOT NULL,
	"learnings" text,
	"serendipity_id" uuid,
	CONSTRAINT "ideas_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposal_positions" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"position" text NOT NULL,
	"reason" text,
	"user_id" uuid,
	"recorded_by_coordinator" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_positions_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"participant_actor_ids" uuid[] NOT NULL,
	"quorum" double precision NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"subject_type" text,
	"subject_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "proposals_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "serendipity" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"description" text NOT NULL,
	"actor_ids" uuid[] DEFAULT '{}' NOT NULL,
	"follow_up" text,
	CONSTRAINT "serendipity_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_chain_id_agreement_id_agreements_chain_id_id_fk" FOREIGN KEY ("chain_id","agreement_id") REFERENCES "public"."agreements"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_chain_id_actor_id_actors_chain_id_id_fk" FOREIGN KEY ("chain_id","actor_id") REFERENCES "public"."actors"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_chain_id_agreement_id_agreements_chain_id_id_fk" FOREIGN KEY ("chain_id","agreement_id") REFERENCES "public"."agreements"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_sessions" ADD CONSTRAINT "conflict_sessions_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_sessions" ADD CONSTRAINT "conflict_sessions_chain_id_conflict_id_conflicts_chain_id_id_fk" FOREIGN KEY ("chain_id","conflict_id") REFERENCES "public"."conflicts"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_chain_id_agreement_id_agreements_chain_id_id_fk" FOREIGN KEY ("chain_id","agreement_id") REFERENCES "public"."agreements"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_chain_id_serendipity_id_serendipity_chain_id_id_fk" FOREIGN KEY ("chain_id","serendipity_id") REFERENCES "public"."serendipity"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_positions" ADD CONSTRAINT "proposal_positions_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_positions" ADD CONSTRAINT "proposal_positions_chain_id_proposal_id_proposals_chain_id_id_fk" FOREIGN KEY ("chain_id","proposal_id") REFERENCES "public"."proposals"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_positions" ADD CONSTRAINT "proposal_positions_chain_id_actor_id_actors_chain_id_id_fk" FOREIGN KEY ("chain_id","actor_id") REFERENCES "public"."actors"("chain_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serendipity" ADD CONSTRAINT "serendipity_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "positions_proposal_idx" ON "proposal_positions" USING btree ("chain_id","proposal_id");--> statement-breakpoint
CREATE INDEX "proposals_open_idx" ON "proposals" USING btree ("status","closes_at");