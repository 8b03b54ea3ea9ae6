/** A wrong command line: the CLI prints its usage and exits with 2. */
export class UsageError extends Error {}
