import type * as t from '@babel/types';
import type { Command } from '../../commands/parse.js';
import { layered } from '../../plan/resolve.js';
import type { Aspect, Resolution, ResolutionSide } from '../../types.js';
import { jsRegistry } from './commands/index.js';
import type { PlanContext } from './context.js';
import { command, type BridgeSource, type Unit } from './read.js';

/**
 * Several bridges' units aimed at one member or binding, settled into one unit before it is
 * planned, so that all of them apply in one splice (docs/resolution.md):
 * - each unit writes the aspects its commands write, plus `body` when its text differs from the
 *   target's (a unit repeating the target's text only carries commands), plus `existence` when
 *   it deletes or the target lacks the unit;
 * - different aspects compose, equal values of one aspect are one edit, decorators add up;
 * - an aspect two bridges write differently goes to the later `@order`, and the resolution is
 *   recorded; with no order between them the group stays as it is, and the conflict check names both.
 */
export interface Target {
  /** The unit's key, for messages and resolutions (`Cart.total`, `binding total`). */
  key: string;
  /** The target's text of the unit (undefined when the target lacks it), compared without blanks. */
  text: string | undefined;
  /** A bridge unit's text, as comparable to `text`. */
  own: (unit: Unit) => string;
  /**
   * When a merge before applied every command of `unit` (its decorators are on the target's unit,
   * its `@rename` made the new name and left no old one), the target's text of the unit those
   * commands left, as comparable to `own` (under the unit's own name); else undefined.
   */
  applied?: (unit: Unit) => string | undefined;
}

/** One unit's claim: what it writes and, per aspect, the value it writes. */
interface Claim {
  unit: Unit;
  aspects: Aspect[];
}

/** A text with each run of blanks made one space: how units' texts are compared. */
export const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A unit's own text without its decorators (those are an aspect of their own), squeezed; with
 * `key`, a member's text with that key written in place of its own (a renamed member read under its old name).
 */
export function textOf(node: t.Node, code: string, key?: string): string {
  const decorators = 'decorators' in node ? node.decorators : undefined;
  const start = decorators?.length ? decorators.at(-1)!.end! : node.start!;
  const own = key !== undefined && 'key' in node ? node.key : undefined;
  return squeeze(own ? code.slice(start, own.start!) + key + code.slice(own.end!, node.end!) : code.slice(start, node.end!));
}

/**
 * Settles the units of one group (one member, or one binding) from two or more bridges into
 * one unit. A group from one bridge, with a unit twice in one bridge, or with two claims on one
 * aspect that no `@order` settles, is left as it is: its units are planned one by one and the
 * conflict check (`plan/resolve.ts`, the one place conflicts are found) names them.
 */
export function compose(ctx: PlanContext, target: Target, units: Unit[]): Unit[] {
  const bridges = new Set(units.map((u) => u.bridge.index));
  if (units.length < 2 || bridges.size !== units.length) return units;
  const claims = units.map((unit) => claimOf(ctx, target, unit));
  dropVehicleBodies(ctx, target, claims);
  layerRestatements(ctx, claims);
  const owners = new Map<Aspect, Claim>();
  const resolutions: Resolution[] = [];
  for (const claim of claims) {
    for (const aspect of claim.aspects) {
      if (aspect === 'decorators') continue;
      const owner = owners.get(aspect) ?? (aspect !== 'existence' ? existenceContender(owners, aspect) : undefined);
      const contenders = aspect === 'existence' ? existenceContenders(owners, claim) : owner ? [owner] : [];
      const differ = contenders.filter((c) => !sameValue(target, c, claim, aspect));
      if (!differ.length) {
        if (!owner) owners.set(aspect, claim);
        continue;
      }
      // Units come in apply order, which is `@order` order: the later claim wins what it is ordered on.
      for (const c of differ) {
        const resolution = settle(ctx, target, c, claim, aspect);
        if (!resolution) return units;
        resolutions.push(resolution);
      }
      take(owners, claim, aspect, differ);
    }
  }
  ctx.resolutions.push(...resolutions);
  return [composed(ctx, claims, owners)];
}

/** The claim of one unit: its commands' aspects, `body` if its text is not the target's, `existence` if it deletes or adds. */
function claimOf(ctx: PlanContext, target: Target, unit: Unit): Claim {
  if (command(unit, 'delete')) return { unit, aspects: ['existence'] };
  const own: Aspect[] = target.text === undefined ? ['existence', 'body'] : command(unit, 'replace') || target.own(unit) !== target.text ? ['body'] : [];
  return { unit, aspects: ctx.footprint(unit.commands, own) };
}

/**
 * A unit whose text differs from the target's only to carry commands a merge before applied,
 * beside a unit of another bridge (with no `@order` between them) that restates the target's
 * text exactly: the target is the result of merging both, so the differing text is a vehicle for
 * the commands, not an edit, and claims no body. Without this, merged again, the restated old body
 * would read as the edit and come back (docs/resolution.md).
 */
function dropVehicleBodies(ctx: PlanContext, target: Target, claims: Claim[]): void {
  for (const claim of claims) {
    if (!claim.aspects.includes('body') || !claim.unit.commands.length) continue;
    const current = target.applied?.(claim.unit);
    if (current === undefined || target.own(claim.unit) === current) continue;
    const unordered = (c: Claim) => !layered(c.unit.bridge.index, claim.unit.bridge.index, ctx.layers);
    if (claims.some((c) => c !== claim && unordered(c) && target.own(c.unit) === current)) {
      claim.aspects = claim.aspects.filter((a) => a !== 'body' && a !== 'existence');
    }
  }
}

/**
 * A unit that only restates the target's text (no command writes anything) under a later `@order`
 * than a unit changing the body (or deleting the unit) says the body is the target's: it layers
 * over that change. That is
 * what a merge before, which applied the later bridge, left: without it the earlier bridge's body
 * would come back on every second merge (docs/architecture.md, idempotence).
 */
function layerRestatements(ctx: PlanContext, claims: Claim[]): void {
  const layer = (c: Claim) => ctx.layers[c.unit.bridge.index]!;
  const changing = claims.filter((c) => c.aspects.includes('body') || c.aspects.includes('existence'));
  for (const claim of claims) {
    if (!claim.aspects.length && changing.some((c) => layer(c) < layer(claim))) claim.aspects.push('body');
  }
}

/**
 * The claim owning existence contends an aspect of another claim when it deletes the unit, or
 * writes that aspect itself. One that adds the unit (the target lacks it: new, or renamed by a
 * merge before) leaves the other aspects to compose: a bridge's `@params` beside another's `@rename`.
 */
function existenceContender(owners: Map<Aspect, Claim>, aspect: Aspect): Claim | undefined {
  const existence = owners.get('existence');
  return existence && (command(existence.unit, 'delete') || existence.aspects.includes(aspect)) ? existence : undefined;
}

/**
 * The claims a claim on existence contends: every owner when it deletes the unit; when it adds
 * it, those owning an aspect it writes too, and deletions (the mirror of `existenceContender`).
 */
function existenceContenders(owners: Map<Aspect, Claim>, claim: Claim): Claim[] {
  const all = command(claim.unit, 'delete') !== undefined;
  return [...new Set([...owners].filter(([a, c]) => all || claim.aspects.includes(a) || command(c.unit, 'delete')).map(([, c]) => c))];
}

/** The later claim takes an aspect from the claims it beat: taking existence, every aspect; beating a deletion, the deletion goes. */
function take(owners: Map<Aspect, Claim>, claim: Claim, aspect: Aspect, beaten: Claim[]): void {
  if (aspect === 'existence') owners.clear();
  for (const [a, owner] of owners) if (beaten.includes(owner) && command(owner.unit, 'delete')) owners.delete(a);
  owners.set(aspect, claim);
}

/** Whether two claims write one aspect the same way: one edit, nothing to settle. */
function sameValue(target: Target, a: Claim, b: Claim, aspect: Aspect): boolean {
  const value = (c: Claim, name: string) => command(c.unit, name)?.value.replace(/\s+/g, '').toLowerCase();
  const deletes = !!command(a.unit, 'delete');
  if (deletes !== !!command(b.unit, 'delete')) return false;
  switch (aspect) {
    case 'existence':
      return deletes || sameValue(target, a, b, 'body');
    case 'body':
      return target.own(a.unit) === target.own(b.unit);
    case 'name':
      return value(a, 'rename') === value(b, 'rename') && value(a, 'access') === value(b, 'access');
    case 'modifiers':
      return value(a, 'access') === value(b, 'access');
    case 'params':
      return value(a, 'params') === value(b, 'params');
    default:
      return value(a, 'before') === value(b, 'before') && value(a, 'after') === value(b, 'after');
  }
}

/** The later claim's win of one aspect over an owner, by `@order`; undefined when no order settles it. */
function settle(ctx: PlanContext, target: Target, owner: Claim, claim: Claim, aspect: Aspect): Resolution | undefined {
  if (layered(owner.unit.bridge.index, claim.unit.bridge.index, ctx.layers) !== 'second') return undefined;
  return { key: target.key, aspects: [aspect], winner: side(ctx, claim, aspect), overridden: side(ctx, owner, aspect) };
}

/** One side of a resolution: the bridge, and where in it the aspect was asked for (the command that writes it, else the unit). */
function side(ctx: PlanContext, claim: Claim, aspect: Aspect): ResolutionSide {
  const c = claim.unit.commands.find((x) => x.name !== 'decorator' && ctx.footprint([x], []).includes(aspect));
  const { line, column } = ctx.at(claim.unit, c ?? claim.unit.node.start!);
  return { bridge: claim.unit.bridge.original.path, line, column, order: ctx.layers[claim.unit.bridge.index]! };
}

/**
 * The one unit the group becomes: the text of the claim owning `body` (or `existence`; else the
 * last unit, whose text is the target's), with each command of the claim owning its aspect and
 * every decorator asked for; a deletion that won stands alone.
 */
function composed(ctx: PlanContext, claims: Claim[], owners: Map<Aspect, Claim>): Unit {
  const existence = owners.get('existence');
  if (existence && command(existence.unit, 'delete')) return existence.unit;
  const base = (owners.get('body') ?? existence ?? claims.at(-1)!).unit;
  const commands: Command[] = [];
  const from = new Map<Command, BridgeSource>();
  const decorators = new Set<string>();
  for (const { unit } of claims) {
    for (const c of unit.commands) {
      const aspects = ctx.footprint([c], []);
      // The claim owning existence owns the aspects no other claim took (a unit the target lacks, under a name a merge before renamed).
      const ownerOf = (a: Aspect) => owners.get(a) ?? existence;
      const owned = c.name === 'decorator' ? !decorators.has(c.value) : aspects.length ? aspects.every((a) => ownerOf(a)?.unit === unit) : unit === base;
      if (!owned) continue;
      if (c.name === 'decorator') decorators.add(c.value);
      commands.push(c);
      from.set(c, unit.bridge);
    }
  }
  return { ...base, commands, from };
}


/**
 * Every group of units `targetOf` names one target unit for, composed where it comes from
 * several bridges; each group takes the place of its first unit, the other units keep theirs.
 * Units `targetOf` does not name stay as they are.
 */
export function composeAll(ctx: PlanContext, units: Unit[], targetOf: (unit: Unit) => Target | undefined): Map<Unit, Unit[]> {
  const groups = new Map<string, { target: Target; units: Unit[] }>();
  const first = new Map<Unit, string>();
  const planned = new Map<Unit, Unit[]>();
  for (const unit of units) {
    const target = targetOf(unit);
    if (!target) {
      planned.set(unit, [unit]);
      continue;
    }
    const group = groups.get(target.key);
    if (group) group.units.push(unit);
    else {
      groups.set(target.key, { target, units: [unit] });
      first.set(unit, target.key);
    }
    planned.set(unit, []);
  }
  for (const [unit, key] of first) {
    const group = groups.get(key)!;
    planned.set(unit, compose(ctx, group.target, group.units));
  }
  return planned;
}
