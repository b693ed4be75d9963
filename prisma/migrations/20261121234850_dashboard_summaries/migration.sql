-- CreateTable
CREATE TABLE "audit_summary" (
    "id" BIGSERIAL NOT NULL,
    "audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "team_id" TEXT,
    "law_type" "law_type" NOT NULL,
    "overall_grade" TEXT NOT NULL,
    "cases" INTEGER NOT NULL,
    "children_counted" INTEGER NOT NULL,
    "children_seen" INTEGER NOT NULL,
    "collaborative_yes" INTEGER NOT NULL,
    "collaborative_answered" INTEGER NOT NULL,
    "family_feedback_yes" INTEGER NOT NULL,
    "family_feedback_answered" INTEGER NOT NULL,
    "management_oversight_yes" INTEGER NOT NULL,
    "management_oversight_answered" INTEGER NOT NULL,
    "supervision_yes" INTEGER NOT NULL,
    "supervision_answered" INTEGER NOT NULL,

    CONSTRAINT "audit_summary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_section_summary" (
    "id" BIGSERIAL NOT NULL,
    "audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "team_id" TEXT,
    "law_type" "law_type" NOT NULL,
    "section_key" TEXT NOT NULL,
    "graded" INTEGER NOT NULL,
    "good_or_above" INTEGER NOT NULL,

    CONSTRAINT "audit_section_summary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_summary_state" (
    "audit_id" TEXT NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_summary_state_pkey" PRIMARY KEY ("audit_id")
);

-- CreateTable
CREATE TABLE "dashboard_rule" (
    "id" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dashboard_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_summary_audit_id_service_area_id_idx" ON "audit_summary"("audit_id", "service_area_id");

-- CreateIndex
CREATE INDEX "audit_section_summary_audit_id_service_area_id_idx" ON "audit_section_summary"("audit_id", "service_area_id");
