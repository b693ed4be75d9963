-- CreateEnum
CREATE TYPE "challenge_status" AS ENUM ('AWAITING_REPLY', 'AWAITING_DECISION', 'REFERRED', 'DECIDED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "audit" ADD COLUMN     "challenge_window_days" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "challenge" (
    "id" TEXT NOT NULL,
    "case_audit_id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "raised_by_id" TEXT NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "disputed_sections" TEXT[],
    "proposed_grade" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "original_grade" TEXT NOT NULL,
    "status" "challenge_status" NOT NULL DEFAULT 'AWAITING_REPLY',
    "reply" TEXT,
    "replied_at" TIMESTAMPTZ(3),
    "replied_by_id" TEXT,
    "decision" TEXT,
    "decision_grade" TEXT,
    "decision_reasons" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,
    "referred_at" TIMESTAMPTZ(3),
    "referred_by_id" TEXT,
    "adjudication" TEXT,
    "adjudication_grade" TEXT,
    "adjudication_reasons" TEXT,
    "adjudicated_at" TIMESTAMPTZ(3),
    "adjudicated_by_id" TEXT,
    "withdrawn_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "challenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "challenge_audit_id_service_area_id_idx" ON "challenge"("audit_id", "service_area_id");

-- CreateIndex
CREATE INDEX "challenge_case_audit_id_idx" ON "challenge"("case_audit_id");

-- AddForeignKey
ALTER TABLE "challenge" ADD CONSTRAINT "challenge_case_audit_id_fkey" FOREIGN KEY ("case_audit_id") REFERENCES "case_audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
