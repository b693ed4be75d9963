-- CreateEnum
CREATE TYPE "benchmark_status" AS ENUM ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'MODERATED');

-- CreateTable
CREATE TABLE "benchmark" (
    "id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "case_audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "auditor_id" TEXT NOT NULL,
    "benchmarker_id" TEXT NOT NULL,
    "chosen_by" TEXT NOT NULL,
    "status" "benchmark_status" NOT NULL DEFAULT 'ASSIGNED',
    "first_overall_grade" TEXT NOT NULL,
    "first_section_grades" JSONB NOT NULL,
    "answers" JSONB,
    "overall_grade" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "agreed_overall_grade" TEXT,
    "agreed_section_grades" JSONB,
    "moderation_reason" TEXT,
    "moderated_by_id" TEXT,
    "moderated_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "benchmark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "benchmark_case_audit_id_key" ON "benchmark"("case_audit_id");

-- CreateIndex
CREATE INDEX "benchmark_audit_id_status_idx" ON "benchmark"("audit_id", "status");

-- CreateIndex
CREATE INDEX "benchmark_benchmarker_id_status_idx" ON "benchmark"("benchmarker_id", "status");

-- AddForeignKey
ALTER TABLE "benchmark" ADD CONSTRAINT "benchmark_case_audit_id_fkey" FOREIGN KEY ("case_audit_id") REFERENCES "case_audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benchmark" ADD CONSTRAINT "benchmark_benchmarker_id_fkey" FOREIGN KEY ("benchmarker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benchmark" ADD CONSTRAINT "benchmark_moderated_by_id_fkey" FOREIGN KEY ("moderated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
