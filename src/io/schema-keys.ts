// The keys a zod schema allows in a mapping, read from the schema itself, so a key added to a format is
// offered in "did you mean" without a second list to keep up to date.
import { safeParse, type z } from 'zod';
import type { FindingPath } from '../core/finding.js';

type Def = Readonly<Record<string, unknown>> & { readonly type?: string };

function defOf(node: unknown): Def | undefined {
  return (node as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** The shape of an object node, or undefined for any other node. */
function shapeOf(node: unknown): Record<string, unknown> | undefined {
  const def = defOf(node);
  return def?.type === 'object' ? (def.shape as Record<string, unknown>) : undefined;
}

/**
 * The keys the schema allows in the mapping at `path`, following the data down through lists, records,
 * wrappers, unions (the option the data picks by its discriminator, when there is one) and intersections;
 * undefined when no object of the schema describes that place.
 */
export function keysAt(schema: z.core.$ZodType, path: FindingPath, plain: unknown): string[] | undefined {
  let value: unknown = plain;
  let nodes = concrete(schema, value);
  for (const key of path) {
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    nodes = nodes.flatMap((node) => childOf(node, key)).flatMap((child) => concrete(child, value));
  }
  const shapes = nodes.map(shapeOf).filter((shape) => shape !== undefined);
  return shapes.length > 0 ? [...new Set(shapes.flatMap((shape) => Object.keys(shape)))] : undefined;
}

/** The schema of the value under `key` in a concrete node (object, list, record or tuple). */
function childOf(node: unknown, key: PropertyKey): unknown[] {
  const def = defOf(node);
  switch (def?.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(shape, key)) return [shape[key as string]];
      const rest = defOf(def.catchall)?.type;
      return rest && rest !== 'never' ? [def.catchall] : [];
    }
    case 'array':
      return typeof key === 'number' ? [def.element] : [];
    case 'record':
      return [def.valueType];
    case 'tuple': {
      const items = def.items as unknown[];
      return typeof key === 'number' ? [items[key] ?? def.rest].filter(Boolean) : [];
    }
    default:
      return [];
  }
}

/**
 * The concrete nodes a schema node stands for, given the value it describes: wrappers (optional, nullable,
 * default, catch, readonly, ...) opened, lazy schemas called, a pipe's input (or its output when the input is
 * a transform or a scalar), both sides of an intersection, and the options of a union: the one the value
 * selects by discriminator when the union has one and the value names an option, else all of them.
 */
function concrete(node: unknown, value: unknown, depth = 0): unknown[] {
  const def = defOf(node);
  if (!def || depth > 32) return [];
  const next = (child: unknown): unknown[] => concrete(child, value, depth + 1);
  switch (def.type) {
    case 'object':
    case 'array':
    case 'record':
    case 'tuple':
      return [node];
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'promise':
    case 'success':
      return next(def.innerType);
    case 'lazy':
      return next((def.getter as () => unknown)());
    case 'pipe': {
      const input = next(def.in);
      return input.length > 0 ? input : next(def.out);
    }
    case 'intersection':
      return [...next(def.left), ...next(def.right)];
    case 'union':
      return chosenOptions(def, value).flatMap(next);
    default:
      return [];
  }
}

function chosenOptions(def: Def, value: unknown): unknown[] {
  const options = def.options as unknown[];
  const discriminator = def.discriminator;
  if (typeof discriminator !== 'string' || value === null || typeof value !== 'object' || !(discriminator in value)) return options;
  const tag = (value as Record<string, unknown>)[discriminator];
  const chosen = options.filter((option) =>
    concrete(option, value).some((node) => {
      const field = shapeOf(node)?.[discriminator];
      return field !== undefined && safeParse(field as z.core.$ZodType, tag).success;
    }),
  );
  return chosen.length > 0 ? chosen : options;
}

/**
 * Every object key the schema knows, at any depth: what a typo is matched against only where keysAt cannot
 * follow the schema to the place of the unknown key.
 */
export function keysOf(schema: z.core.$ZodType): string[] {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(shape ?? {})) {
      keys.add(key);
      walk(child);
    }
    // Wrappers and containers: optional, default, nullable, array, record, union, pipe, intersection, tuple.
    for (const field of ['innerType', 'element', 'valueType', 'in', 'out', 'left', 'right', 'catchall']) walk(def[field]);
    for (const field of ['options', 'items']) if (Array.isArray(def[field])) for (const child of def[field] as unknown[]) walk(child);
  };
  walk(schema);
  return [...keys];
}
