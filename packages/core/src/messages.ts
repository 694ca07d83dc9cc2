/**
 * Every user-facing message of the core, as functions: what failed, what was expected, what
 * was received. Keeping them here keeps wording consistent and makes them easy to review.
 */
export const messages = {
  roleGuess: (speaker: string, role: string, why: string) => `${speaker} → ${role} (${why})`,
  rolesGuessed: (guesses: string[]) =>
    `roles guessed: ${guesses.join('; ')}; give --coach/--coachee or a roles file to set them`,
  rolesFileInvalid: (detail: string) => `roles file: ${detail}; expected JSON {"<file>": {"<speaker>": "coach|coachee|observer"}} or CSV with columns file,speaker,role`,
  rolesFileRole: (role: string) => `unknown role "${role}"; expected coach, coachee, observer or unknown`,
  codebookInvalid: (detail: string) => `codebook: ${detail}`,
  modelInvalid: (detail: string) => `model: ${detail}`,
  crossValidateFolds: (folds: number, conversations: number) =>
    `cross-validation: expected a whole number of folds from 2 to ${conversations} (the conversations with human codes), received ${folds}`,
} as const;
