-- CreateEnum
CREATE TYPE "threshold_version_status" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "audit_kind" AS ENUM ('NATIONAL_PRACTICE_QUALITY', 'THEMATIC', 'LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD');

-- CreateEnum
CREATE TYPE "audit_status" AS ENUM ('DRAFT', 'SAMPLING', 'GRADING', 'REVIEW', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "law_type" AS ENUM ('PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH');

-- CreateTable
CREATE TABLE "threshold_document" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "threshold_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "threshold_version" (
    "id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "status" "threshold_version_status" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB NOT NULL,
    "previous_version_id" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "threshold_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "audit_kind" NOT NULL,
    "purpose" TEXT NOT NULL,
    "window_from" DATE NOT NULL,
    "window_to" DATE NOT NULL,
    "threshold_version_id" TEXT NOT NULL,
    "law_types" "law_type"[],
    "good_or_above_target" INTEGER,
    "lowest_target" INTEGER,
    "target_date" DATE,
    "compared_with_id" TEXT,
    "commissioned_by_id" TEXT,
    "lead_id" TEXT,
    "status" "audit_status" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_service_area" (
    "audit_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,

    CONSTRAINT "audit_service_area_pkey" PRIMARY KEY ("audit_id","service_area_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "threshold_document_name_key" ON "threshold_document"("name");

-- CreateIndex
CREATE UNIQUE INDEX "threshold_version_document_id_number_key" ON "threshold_version"("document_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "audit_name_key" ON "audit"("name");

-- CreateIndex
CREATE INDEX "audit_threshold_version_id_idx" ON "audit"("threshold_version_id");

-- AddForeignKey
ALTER TABLE "threshold_version" ADD CONSTRAINT "threshold_version_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "threshold_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "threshold_version" ADD CONSTRAINT "threshold_version_previous_version_id_fkey" FOREIGN KEY ("previous_version_id") REFERENCES "threshold_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit" ADD CONSTRAINT "audit_threshold_version_id_fkey" FOREIGN KEY ("threshold_version_id") REFERENCES "threshold_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit" ADD CONSTRAINT "audit_compared_with_id_fkey" FOREIGN KEY ("compared_with_id") REFERENCES "audit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit" ADD CONSTRAINT "audit_commissioned_by_id_fkey" FOREIGN KEY ("commissioned_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit" ADD CONSTRAINT "audit_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_service_area" ADD CONSTRAINT "audit_service_area_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_service_area" ADD CONSTRAINT "audit_service_area_service_area_id_fkey" FOREIGN KEY ("service_area_id") REFERENCES "service_area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
