-- What a recommendation arises from (seed 001: "This recommendation arises from
-- the inspection finding that ..."), printed in a progress review.

-- AlterTable
ALTER TABLE "recommendation" ADD COLUMN "arose_from" TEXT NOT NULL DEFAULT '';
