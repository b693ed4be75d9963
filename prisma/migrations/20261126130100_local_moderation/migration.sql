-- A Head of Practice's blind second grading of a local audit (issue 17 §5).

-- CreateTable
CREATE TABLE "local_moderation" (
    "id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "case_audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "team_id" TEXT,
    "manager_id" TEXT NOT NULL,
    "moderator_id" TEXT NOT NULL,
    "chosen_by" TEXT NOT NULL,
    "status" "benchmark_status" NOT NULL DEFAULT 'ASSIGNED',
    "first_overall_grade" TEXT NOT NULL,
    "first_section_grades" JSONB NOT NULL,
    "answers" JSONB,
    "overall_grade" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "agreed_overall_grade" TEXT,
    "agreed_section_grades" JSONB,
    "agreed_reason" TEXT,
    "agreed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "local_moderation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "local_moderation_case_audit_id_key" ON "local_moderation"("case_audit_id");

-- CreateIndex
CREATE INDEX "local_moderation_service_area_id_status_idx" ON "local_moderation"("service_area_id", "status");

-- CreateIndex
CREATE INDEX "local_moderation_moderator_id_status_idx" ON "local_moderation"("moderator_id", "status");

-- CreateIndex
CREATE INDEX "local_moderation_manager_id_idx" ON "local_moderation"("manager_id");

ALTER TABLE "local_moderation" ADD CONSTRAINT "local_moderation_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id");
ALTER TABLE "local_moderation" ADD CONSTRAINT "local_moderation_case_audit_id_fkey" FOREIGN KEY ("case_audit_id") REFERENCES "case_audit"("id");
ALTER TABLE "local_moderation" ADD CONSTRAINT "local_moderation_service_area_id_fkey" FOREIGN KEY ("service_area_id") REFERENCES "service_area"("id");
ALTER TABLE "local_moderation" ADD CONSTRAINT "local_moderation_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "app_user"("id");
ALTER TABLE "local_moderation" ADD CONSTRAINT "local_moderation_moderator_id_fkey" FOREIGN KEY ("moderator_id") REFERENCES "app_user"("id");
-- The moderator never moderates their own grading.
ALTER TABLE "local_moderation" ADD CONSTRAINT "local_moderation_not_own_grading" CHECK ("moderator_id" <> "manager_id");
