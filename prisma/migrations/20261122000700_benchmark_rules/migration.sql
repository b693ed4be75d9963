-- Nobody benchmarks their own grading; a case is chosen at random or by hand.
ALTER TABLE "benchmark" ADD CONSTRAINT "benchmark_not_own_grading" CHECK ("benchmarker_id" <> "auditor_id");
ALTER TABLE "benchmark" ADD CONSTRAINT "benchmark_chosen_by" CHECK ("chosen_by" IN ('RANDOM', 'BY_HAND'));
ALTER TABLE "benchmark" ADD CONSTRAINT "benchmark_submitted_has_grade" CHECK (
  "status" IN ('ASSIGNED', 'IN_PROGRESS') OR ("overall_grade" IS NOT NULL AND "submitted_at" IS NOT NULL)
);
ALTER TABLE "benchmark" ADD CONSTRAINT "benchmark_moderated_has_agreement" CHECK (
  "status" <> 'MODERATED' OR ("agreed_overall_grade" IS NOT NULL AND "moderated_by_id" IS NOT NULL AND "moderation_reason" IS NOT NULL)
);
