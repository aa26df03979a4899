/** Where a signed-in user lands by default (safe to import from client code). */
export const DEFAULT_SIGNED_IN_PATH = '/dashboard'
