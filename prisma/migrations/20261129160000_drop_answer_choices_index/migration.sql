-- Since ResultTally (20261129123000) no results query reads answers by question for their
-- choices: this covering index only slowed every save and took more room than the table's
-- other indexes together (807 MB at 3 M answers). Prisma's schema cannot express it either,
-- so `migrate dev` proposed dropping it in every new migration.
DROP INDEX IF EXISTS "Answer_questionId_responseId_choices_idx";
