-- Issues 16 and 17: the improvement loop (sources, recommendations, actions,
-- measures, reviews, judgements, inspection judgements, reminders) and local
-- quality-and-impact audits (Service Managers, Heads of Practice, programmes,
-- monthly draws, practice observations, the QA indicators as columns).

-- CreateEnum
CREATE TYPE "recommendation_source_kind" AS ENUM ('INSPECTION', 'REVIEW', 'AUDIT_LEARNING', 'AREA_IMPROVEMENT_PLAN');

-- CreateEnum
CREATE TYPE "judgement_scale" AS ENUM ('MET_ONGOING', 'SATISFACTORY_INADEQUATE', 'INSPECTION_FOUR_POINT');

-- CreateEnum
CREATE TYPE "recommendation_kind" AS ENUM ('RECOMMENDATION', 'PRACTICE_IMPROVEMENT_POINT');

-- CreateEnum
CREATE TYPE "recommendation_status" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "improvement_action_status" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "measure_share" AS ENUM ('GOOD_OR_ABOVE', 'LOWEST');

-- CreateEnum
CREATE TYPE "target_direction" AS ENUM ('AT_LEAST', 'AT_MOST');

-- CreateEnum
CREATE TYPE "progress_review_kind" AS ENUM ('MID_POINT', 'FINAL', 'OTHER');

-- CreateEnum
CREATE TYPE "inspection_grade" AS ENUM ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE');

-- CreateEnum
CREATE TYPE "observation_setting" AS ENUM ('DIRECT_WORK_WITH_CHILD', 'MEETING', 'COURT_HEARING');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "role" ADD VALUE 'SERVICE_MANAGER';
ALTER TYPE "role" ADD VALUE 'HEAD_OF_PRACTICE';

-- AlterTable
ALTER TABLE "case_audit" ADD COLUMN     "qa_collaborative" BOOLEAN,
ADD COLUMN     "qa_family_feedback" BOOLEAN,
ADD COLUMN     "qa_management_oversight" BOOLEAN,
ADD COLUMN     "qa_management_oversight_expected" BOOLEAN,
ADD COLUMN     "qa_supervision" BOOLEAN,
ADD COLUMN     "qa_supervision_impact" BOOLEAN;

-- AlterTable
ALTER TABLE "sampled_case" ADD COLUMN     "month" DATE,
ADD COLUMN     "pick_reason" TEXT,
ADD COLUMN     "picked_by" TEXT;

-- AlterTable
ALTER TABLE "team" ADD COLUMN     "service_manager_id" TEXT;

-- CreateTable
CREATE TABLE "recommendation_source" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "recommendation_source_kind" NOT NULL,
    "issued_by" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "document" TEXT NOT NULL DEFAULT '',
    "scale" "judgement_scale" NOT NULL,
    "service_area_id" TEXT,
    "audit_id" TEXT,
    "period_from" DATE,
    "period_to" DATE,
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation" (
    "id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "recommendation_kind" NOT NULL,
    "service_area_ids" TEXT[],
    "law_types" "law_type"[],
    "owner_id" TEXT,
    "due_on" DATE,
    "status" "recommendation_status" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "improvement_action" (
    "id" TEXT NOT NULL,
    "recommendation_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "status" "improvement_action_status" NOT NULL DEFAULT 'NOT_STARTED',
    "dropped_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "improvement_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "improvement_action_history" (
    "id" BIGSERIAL NOT NULL,
    "action_id" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "text" TEXT NOT NULL DEFAULT '',
    "evidence" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "improvement_action_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure" (
    "id" TEXT NOT NULL,
    "recommendation_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "section_key" TEXT,
    "share" "measure_share" NOT NULL,
    "audit_kinds" "audit_kind"[],
    "law_types" "law_type"[],
    "service_area_ids" TEXT[],
    "team_ids" TEXT[],
    "employment" "employment",
    "baseline_audit_id" TEXT,
    "target_percent" INTEGER,
    "target_direction" "target_direction" NOT NULL DEFAULT 'AT_LEAST',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_audit" (
    "recommendation_id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "measure_id" TEXT,
    "commissioned" BOOLEAN NOT NULL DEFAULT false,
    "linked_by_id" TEXT NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_audit_pkey" PRIMARY KEY ("recommendation_id","audit_id")
);

-- CreateTable
CREATE TABLE "progress_review" (
    "id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "kind" "progress_review_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "progress_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_judgement" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "recommendation_id" TEXT NOT NULL,
    "judgement" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "judged_by_id" TEXT NOT NULL,
    "judged_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendation_judgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area_inspection_judgement" (
    "id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "judged_on" DATE NOT NULL,
    "grade" "inspection_grade" NOT NULL,
    "inspected_by" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "area_inspection_judgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_sent" (
    "id" BIGSERIAL NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "user_id" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reminder_sent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "local_audit_programme" (
    "audit_id" TEXT NOT NULL,
    "quota_per_manager_per_month" INTEGER NOT NULL DEFAULT 2,
    "moderation_share_percent" INTEGER NOT NULL DEFAULT 10,
    "recent_days" INTEGER NOT NULL DEFAULT 90,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "local_audit_programme_pkey" PRIMARY KEY ("audit_id")
);

-- CreateTable
CREATE TABLE "local_audit_draw" (
    "id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "seed" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "drawn_at" TIMESTAMPTZ(3) NOT NULL,
    "drawn_by_id" TEXT,

    CONSTRAINT "local_audit_draw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "practice_observation" (
    "id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "practitioner_id" TEXT NOT NULL,
    "observer_id" TEXT NOT NULL,
    "observed_on" DATE NOT NULL,
    "setting" "observation_setting" NOT NULL,
    "answers" JSONB NOT NULL,
    "feedback" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "practice_observation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_source_title_key" ON "recommendation_source"("title");

-- CreateIndex
CREATE INDEX "recommendation_source_service_area_id_idx" ON "recommendation_source"("service_area_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_source_id_number_key" ON "recommendation"("source_id", "number");

-- CreateIndex
CREATE INDEX "improvement_action_recommendation_id_idx" ON "improvement_action"("recommendation_id");

-- CreateIndex
CREATE INDEX "improvement_action_owner_id_status_idx" ON "improvement_action"("owner_id", "status");

-- CreateIndex
CREATE INDEX "improvement_action_history_action_id_idx" ON "improvement_action_history"("action_id");

-- CreateIndex
CREATE INDEX "measure_recommendation_id_idx" ON "measure"("recommendation_id");

-- CreateIndex
CREATE INDEX "recommendation_audit_audit_id_idx" ON "recommendation_audit"("audit_id");

-- CreateIndex
CREATE INDEX "progress_review_source_id_idx" ON "progress_review"("source_id");

-- CreateIndex
CREATE INDEX "recommendation_judgement_review_id_recommendation_id_judged_idx" ON "recommendation_judgement"("review_id", "recommendation_id", "judged_at");

-- CreateIndex
CREATE INDEX "recommendation_judgement_recommendation_id_judged_at_idx" ON "recommendation_judgement"("recommendation_id", "judged_at");

-- CreateIndex
CREATE UNIQUE INDEX "area_inspection_judgement_service_area_id_judged_on_key" ON "area_inspection_judgement"("service_area_id", "judged_on");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_sent_subject_type_subject_id_kind_due_on_user_id_key" ON "reminder_sent"("subject_type", "subject_id", "kind", "due_on", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "local_audit_draw_audit_id_month_key" ON "local_audit_draw"("audit_id", "month");

-- CreateIndex
CREATE INDEX "practice_observation_service_area_id_observed_on_idx" ON "practice_observation"("service_area_id", "observed_on");

-- CreateIndex
CREATE INDEX "practice_observation_observer_id_observed_on_idx" ON "practice_observation"("observer_id", "observed_on");

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_service_manager_id_fkey" FOREIGN KEY ("service_manager_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "recommendation_source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_action_history" ADD CONSTRAINT "improvement_action_history_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "improvement_action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_audit" ADD CONSTRAINT "recommendation_audit_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_review" ADD CONSTRAINT "progress_review_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "recommendation_source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_judgement" ADD CONSTRAINT "recommendation_judgement_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "progress_review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_judgement" ADD CONSTRAINT "recommendation_judgement_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Columns that name people or audits without a Prisma relation still refer to them.
ALTER TABLE "recommendation_source" ADD CONSTRAINT "recommendation_source_service_area_id_fkey" FOREIGN KEY ("service_area_id") REFERENCES "service_area"("id");
ALTER TABLE "recommendation_source" ADD CONSTRAINT "recommendation_source_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id");
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id");
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id");
ALTER TABLE "improvement_action_history" ADD CONSTRAINT "improvement_action_history_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id");
ALTER TABLE "measure" ADD CONSTRAINT "measure_baseline_audit_id_fkey" FOREIGN KEY ("baseline_audit_id") REFERENCES "audit"("id");
ALTER TABLE "recommendation_audit" ADD CONSTRAINT "recommendation_audit_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id");
ALTER TABLE "recommendation_audit" ADD CONSTRAINT "recommendation_audit_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id");
ALTER TABLE "progress_review" ADD CONSTRAINT "progress_review_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id");
ALTER TABLE "recommendation_judgement" ADD CONSTRAINT "recommendation_judgement_judged_by_id_fkey" FOREIGN KEY ("judged_by_id") REFERENCES "app_user"("id");
ALTER TABLE "area_inspection_judgement" ADD CONSTRAINT "area_inspection_judgement_service_area_id_fkey" FOREIGN KEY ("service_area_id") REFERENCES "service_area"("id");
ALTER TABLE "area_inspection_judgement" ADD CONSTRAINT "area_inspection_judgement_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id");
ALTER TABLE "reminder_sent" ADD CONSTRAINT "reminder_sent_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id");
ALTER TABLE "local_audit_programme" ADD CONSTRAINT "local_audit_programme_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id");
ALTER TABLE "local_audit_draw" ADD CONSTRAINT "local_audit_draw_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id");
ALTER TABLE "practice_observation" ADD CONSTRAINT "practice_observation_service_area_id_fkey" FOREIGN KEY ("service_area_id") REFERENCES "service_area"("id");
ALTER TABLE "practice_observation" ADD CONSTRAINT "practice_observation_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id");
ALTER TABLE "practice_observation" ADD CONSTRAINT "practice_observation_practitioner_id_fkey" FOREIGN KEY ("practitioner_id") REFERENCES "practitioner"("id");
ALTER TABLE "practice_observation" ADD CONSTRAINT "practice_observation_observer_id_fkey" FOREIGN KEY ("observer_id") REFERENCES "app_user"("id");

-- Append-only, like case_audit_history: an action's history and the judgements.
CREATE TRIGGER improvement_action_history_append_only
  BEFORE UPDATE OR DELETE ON "improvement_action_history"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER improvement_action_history_no_truncate
  BEFORE TRUNCATE ON "improvement_action_history"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER recommendation_judgement_append_only
  BEFORE UPDATE OR DELETE ON "recommendation_judgement"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER recommendation_judgement_no_truncate
  BEFORE TRUNCATE ON "recommendation_judgement"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Service Managers and Heads of Practice work in one area, as Heads of Service
-- do. (role::text: the new enum values cannot be used as enum literals in the
-- transaction that adds them.)
ALTER TABLE "app_user" DROP CONSTRAINT "app_user_area_matches_role";
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_area_matches_role" CHECK (
  ("role"::text IN ('HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR', 'SERVICE_MANAGER', 'HEAD_OF_PRACTICE')) = ("service_area_id" IS NOT NULL)
);

ALTER TABLE "measure" ADD CONSTRAINT "measure_target_is_a_percent" CHECK ("target_percent" IS NULL OR "target_percent" BETWEEN 0 AND 100);
ALTER TABLE "local_audit_programme" ADD CONSTRAINT "local_audit_programme_sensible" CHECK (
  "quota_per_manager_per_month" BETWEEN 0 AND 50 AND "moderation_share_percent" BETWEEN 0 AND 100 AND "recent_days" BETWEEN 1 AND 730
);

-- The indicators already graded, copied from the answers into the new columns.
-- No grade changes, so the freeze of published audits is lifted for this one statement.
ALTER TABLE "case_audit" DISABLE TRIGGER case_audit_frozen_when_published;
UPDATE "case_audit" SET
  "qa_collaborative" = CASE answers->'qa'->>'collaborative' WHEN 'true' THEN true WHEN 'false' THEN false END,
  "qa_family_feedback" = CASE answers->'qa'->>'familyFeedback' WHEN 'true' THEN true WHEN 'false' THEN false END,
  "qa_management_oversight" = CASE answers->'qa'->>'managementOversight' WHEN 'true' THEN true WHEN 'false' THEN false END,
  "qa_supervision" = CASE answers->'qa'->>'supervision' WHEN 'true' THEN true WHEN 'false' THEN false END
WHERE "status" = 'SUBMITTED' AND answers ? 'qa';
ALTER TABLE "case_audit" ENABLE TRIGGER case_audit_frozen_when_published;
