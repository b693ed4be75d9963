-- CreateEnum
CREATE TYPE "case_audit_status" AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'RETURNED');

-- CreateTable
CREATE TABLE "case_audit" (
    "id" TEXT NOT NULL,
    "sampled_case_id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "auditor_id" TEXT NOT NULL,
    "threshold_version_id" TEXT NOT NULL,
    "status" "case_audit_status" NOT NULL DEFAULT 'IN_PROGRESS',
    "answers" JSONB NOT NULL,
    "overall_grade" TEXT,
    "children_seen" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_audit_history" (
    "id" BIGSERIAL NOT NULL,
    "case_audit_id" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "overall_grade" TEXT,
    "changes" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "submission_id" TEXT,

    CONSTRAINT "case_audit_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area_review" (
    "id" TEXT NOT NULL,
    "case_audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by_id" TEXT,
    "action_taken" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "area_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safeguarding_concern" (
    "id" TEXT NOT NULL,
    "case_audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "raised_by_id" TEXT NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "description" TEXT NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" TEXT,
    "action_taken" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "safeguarding_concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_audit_sampled_case_id_key" ON "case_audit"("sampled_case_id");

-- CreateIndex
CREATE INDEX "case_audit_audit_id_service_area_id_overall_grade_idx" ON "case_audit"("audit_id", "service_area_id", "overall_grade");

-- CreateIndex
CREATE INDEX "case_audit_auditor_id_status_idx" ON "case_audit"("auditor_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "case_audit_history_submission_id_key" ON "case_audit_history"("submission_id");

-- CreateIndex
CREATE INDEX "case_audit_history_case_audit_id_idx" ON "case_audit_history"("case_audit_id");

-- CreateIndex
CREATE UNIQUE INDEX "area_review_case_audit_id_key" ON "area_review"("case_audit_id");

-- CreateIndex
CREATE INDEX "area_review_service_area_id_reviewed_at_idx" ON "area_review"("service_area_id", "reviewed_at");

-- CreateIndex
CREATE INDEX "safeguarding_concern_service_area_id_closed_at_idx" ON "safeguarding_concern"("service_area_id", "closed_at");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- AddForeignKey
ALTER TABLE "case_audit" ADD CONSTRAINT "case_audit_sampled_case_id_fkey" FOREIGN KEY ("sampled_case_id") REFERENCES "sampled_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_audit_history" ADD CONSTRAINT "case_audit_history_case_audit_id_fkey" FOREIGN KEY ("case_audit_id") REFERENCES "case_audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area_review" ADD CONSTRAINT "area_review_case_audit_id_fkey" FOREIGN KEY ("case_audit_id") REFERENCES "case_audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safeguarding_concern" ADD CONSTRAINT "safeguarding_concern_case_audit_id_fkey" FOREIGN KEY ("case_audit_id") REFERENCES "case_audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
