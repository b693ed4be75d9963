// What an import tells the person who ran it. Declared here, not beside the
// readers and writers, because the client-side import forms show them and
// must not import server-only modules to do so.
import type { ImportProblem } from './practitioner-import';
import type { UnknownPractitioner } from './results-import';

export type CaseIndexImportSummary = {
  casesAdded: number;
  documentsAdded: number;
  documentsAlreadyPresent: number;
};

export type CaseIndexImportOutcome =
  | { status: 'problems'; rowCount: number; problemCount: number; problems: ImportProblem[] }
  | { status: 'checked'; rowCount: number; caseCount: number }
  | ({ status: 'imported'; rowCount: number } & CaseIndexImportSummary);

export type ResultsCommit = {
  auditId: string;
  auditCreated: boolean;
  cases: number;
  practitionersCreated: number;
  caseFilesCreated: number;
};

export type ResultsImportOutcome =
  | { status: 'problems'; rowCount: number; problemCount: number; problems: ImportProblem[] }
  | {
      status: 'checked';
      rowCount: number;
      auditExists: boolean;
      unknownPractitioners: UnknownPractitioner[];
    }
  | ({ status: 'imported'; rowCount: number } & ResultsCommit);

export type PractitionerImportOutcome =
  | { status: 'problems'; problems: ImportProblem[]; rowCount: number }
  | { status: 'checked'; rowCount: number }
  | { status: 'imported'; created: number; updated: number; unchanged: number };

export type RecommendationImportOutcome =
  | { status: 'problems'; rowCount: number; problemCount: number; problems: ImportProblem[] }
  | { status: 'checked'; rowCount: number; newSources: string[]; recommendationCount: number }
  | {
      status: 'imported';
      rowCount: number;
      sourcesCreated: number;
      recommendationsCreated: number;
      recommendationsUpdated: number;
      recommendationsUnchanged: number;
    };
