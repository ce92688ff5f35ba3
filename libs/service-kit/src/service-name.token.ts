/** Injection token holding the service's name (e.g. 'cart'). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
