import type { Unit } from './read.js';

/**
 * Each unit's place among the units of its kind in its bridge (`kindOf`: undefined for a unit not
 * counted): the n-th overload signature of a name, the n-th static block of a class. Units with no
 * name of their own are matched to the target's by this place.
 */
export function placesAmong(units: Unit[], kindOf: (unit: Unit) => string | undefined): Map<Unit, number> {
  const found = new Map<Unit, number>();
  const seen = new Map<string, number>();
  for (const unit of units) {
    const kind = kindOf(unit);
    if (kind === undefined) continue;
    const key = `${unit.bridge.index} ${kind}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    found.set(unit, n);
  }
  return found;
}

/** The key of an edit of a signature: told apart from the implementation, and from the others by its place. */
export const signatureKey = (key: string, signature: number | undefined) => (signature === undefined ? key : `${key} signature ${signature + 1}`);

/** A bridge's overload signature: its place among its name's in its bridge, and the target's signature it edits (none: one more than the target has). */
export interface Signature<T> {
  place: number;
  target: T | undefined;
}

/**
 * Pairs each bridge's overload signatures of a name with the target's: a signature the target has
 * word for word is that one (left as it is); the others edit the target's signatures left over, in
 * order. So a bridge that restates fewer overloads than the target never writes one twice.
 */
export function pairSignatures<T>(units: Unit[], nameOf: (unit: Unit) => string | undefined, targetsOf: (name: string) => T[], textOfUnit: (unit: Unit) => string, textOfTarget: (target: T) => string): Map<Unit, Signature<T>> {
  const places = placesAmong(units, nameOf);
  const groups = new Map<string, Unit[]>();
  for (const unit of places.keys()) {
    const key = `${unit.bridge.index} ${nameOf(unit)}`;
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const found = new Map<Unit, Signature<T>>();
  for (const group of groups.values()) {
    const left = [...targetsOf(nameOf(group[0]!)!)];
    const same = new Map<Unit, T>();
    for (const unit of group) {
      const i = left.findIndex((t) => textOfTarget(t) === textOfUnit(unit));
      if (i !== -1) same.set(unit, left.splice(i, 1)[0]!);
    }
    for (const unit of group) found.set(unit, { place: places.get(unit)!, target: same.get(unit) ?? left.shift() });
  }
  return found;
}
