import type { Role } from './roles';

/** The signed-in person, as re-read from the database on every request. */
export type Actor = {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  /** Set for Head of Service and Assistant Director, null for national roles. */
  serviceAreaId: string | null;
};
