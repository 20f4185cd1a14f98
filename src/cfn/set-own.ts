/**
 * Set an own, enumerable property. Unlike assignment, a key of untrusted input such as `__proto__` stays an
 * ordinary own key instead of changing the object's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
