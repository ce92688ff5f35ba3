/** One invalid input field; `field` is a path such as `items[0].quantity`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What went wrong, independent of how an API family renders it. Every family's exception
 * filter turns an exception into this first, then into its own wire format.
 */
export interface ApiProblem {
  status: number;
  /** Stable machine-readable key, e.g. VALIDATION_FAILED, NOT_FOUND, INTERNAL. */
  code: string;
  message: string;
  fields: FieldProblem[];
}
