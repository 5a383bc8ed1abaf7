// Tags typed by people (achievement keywords, wallet tags).

/** Tags typed as "a, b; c" or added one by one: trimmed, without duplicates (ignoring case). */
export function addTags(tags: readonly string[], typed: string): string[] {
  const added = typed
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);
  const out = [...tags];
  for (const tag of added) if (!out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  return out;
}
