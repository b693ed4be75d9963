-- AlterTable
ALTER TABLE "case_audit" ADD COLUMN     "employment" "employment",
ADD COLUMN     "is_eit" BOOLEAN,
ADD COLUMN     "law_type" "law_type",
ADD COLUMN     "practitioner_id" TEXT,
ADD COLUMN     "team_id" TEXT;

-- CreateTable
CREATE TABLE "audit_report" (
    "audit_id" TEXT NOT NULL,
    "strengths" TEXT NOT NULL DEFAULT '',
    "learning" TEXT NOT NULL DEFAULT '',
    "conclusion" TEXT NOT NULL DEFAULT '',
    "next_steps" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,

    CONSTRAINT "audit_report_pkey" PRIMARY KEY ("audit_id")
);

-- CreateIndex
CREATE INDEX "case_audit_audit_id_team_id_idx" ON "case_audit"("audit_id", "team_id");

-- AddForeignKey
ALTER TABLE "audit_report" ADD CONSTRAINT "audit_report_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_report" ADD CONSTRAINT "audit_report_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
