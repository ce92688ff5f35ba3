/** Injection token holding the service's validated config object. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
