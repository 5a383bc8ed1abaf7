// Shared state of one JSON tree: which containers are open and which long
// data: URIs are shown whole. Paths are JSON-encoded arrays of keys/indices.

import { getContext, setContext } from "svelte";
import type { SvelteSet } from "svelte/reactivity";

export type Path = readonly (string | number)[];

export interface TreeContext {
  expanded: SvelteSet<string>;
  revealed: SvelteSet<string>;
}

const KEY = Symbol("json-tree");

export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

/** A short list of plain values, e.g. `"type": ["Profile"]`: as cheap to show open as closed. */
function isShortList(value: unknown): boolean {
  return Array.isArray(value) && value.length <= 3 && value.every((v) => !isContainer(v));
}

/**
 * The keys of the containers that start open: every one whose depth is below
 * `depth` (the root is depth 0), and short lists of plain values at any depth.
 */
export function containersAbove(value: unknown, depth: number, path: Path = []): string[] {
  if (!isContainer(value)) return [];
  const keys = path.length < depth || isShortList(value) ? [pathKey(path)] : [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  for (const [k, v] of children) keys.push(...containersAbove(v, depth, [...path, k]));
  return keys;
}

export function setTreeContext(ctx: TreeContext): void {
  setContext(KEY, ctx);
}

export function getTreeContext(): TreeContext {
  const ctx = getContext<TreeContext | undefined>(KEY);
  if (!ctx) throw new Error("JsonNode must be inside a JsonTree");
  return ctx;
}
