-- CreateEnum
CREATE TYPE "sampled_case_status" AS ENUM ('SELECTED', 'RESERVE', 'REPLACED');

-- CreateTable
CREATE TABLE "case_file" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "team_id" TEXT,
    "practitioner_id" TEXT NOT NULL,
    "law_type" "law_type" NOT NULL,
    "is_eit" BOOLEAN NOT NULL DEFAULT false,
    "subject_children" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "filed_document" (
    "id" TEXT NOT NULL,
    "case_file_id" TEXT NOT NULL,
    "document_type" TEXT NOT NULL,
    "filed_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "filed_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_sample" (
    "audit_id" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "share_percent" INTEGER NOT NULL,
    "parameters" JSONB NOT NULL,
    "drawn_at" TIMESTAMPTZ(3) NOT NULL,
    "drawn_by_id" TEXT NOT NULL,
    "locked_at" TIMESTAMPTZ(3),
    "locked_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "audit_sample_pkey" PRIMARY KEY ("audit_id")
);

-- CreateTable
CREATE TABLE "sampled_case" (
    "id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "case_file_id" TEXT NOT NULL,
    "practitioner_id" TEXT NOT NULL,
    "service_area_id" TEXT NOT NULL,
    "stratum_key" TEXT NOT NULL,
    "status" "sampled_case_status" NOT NULL,
    "reserve_rank" INTEGER,
    "assigned_to_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "sampled_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sample_replacement" (
    "id" TEXT NOT NULL,
    "audit_id" TEXT NOT NULL,
    "replaced_case_id" TEXT NOT NULL,
    "replacement_case_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL,
    "replaced_by_id" TEXT NOT NULL,

    CONSTRAINT "sample_replacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_file_reference_key" ON "case_file"("reference");

-- CreateIndex
CREATE INDEX "case_file_practitioner_id_idx" ON "case_file"("practitioner_id");

-- CreateIndex
CREATE INDEX "case_file_service_area_id_idx" ON "case_file"("service_area_id");

-- CreateIndex
CREATE INDEX "filed_document_filed_on_idx" ON "filed_document"("filed_on");

-- CreateIndex
CREATE UNIQUE INDEX "filed_document_case_file_id_document_type_filed_on_key" ON "filed_document"("case_file_id", "document_type", "filed_on");

-- CreateIndex
CREATE INDEX "sampled_case_audit_id_status_idx" ON "sampled_case"("audit_id", "status");

-- CreateIndex
CREATE INDEX "sampled_case_assigned_to_id_idx" ON "sampled_case"("assigned_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "sampled_case_audit_id_case_file_id_key" ON "sampled_case"("audit_id", "case_file_id");

-- CreateIndex
CREATE INDEX "sample_replacement_audit_id_idx" ON "sample_replacement"("audit_id");

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_service_area_id_fkey" FOREIGN KEY ("service_area_id") REFERENCES "service_area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_practitioner_id_fkey" FOREIGN KEY ("practitioner_id") REFERENCES "practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "filed_document" ADD CONSTRAINT "filed_document_case_file_id_fkey" FOREIGN KEY ("case_file_id") REFERENCES "case_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_sample" ADD CONSTRAINT "audit_sample_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sampled_case" ADD CONSTRAINT "sampled_case_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sampled_case" ADD CONSTRAINT "sampled_case_case_file_id_fkey" FOREIGN KEY ("case_file_id") REFERENCES "case_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sampled_case" ADD CONSTRAINT "sampled_case_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
