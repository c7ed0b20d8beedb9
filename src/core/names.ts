// What is printed for a person when their full name does not fit: initials.

/**
 * A name's initials, at most three, from its letters only: "Kenji Nakamura-Wójcik" → "KNW",
 * 'Chloé "Coco" Dubois' → "CD" (a quoted nickname and a bracketed part are not part of the initials),
 * "佐藤 花子" → "佐花". A name without letters gives "?".
 */
export function initialsOf(name: string): string {
  const initials = name
    .replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ')
    .replace(/"[^"]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|(?<=^|\s)(?:‘[^’]*’|'[^']*')(?=\s|$)/gu, ' ')
    .split(/[\s\-‐–—_/·.,]+/u)
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => letter.toLocaleUpperCase())
    .join('');
  return [...initials].slice(0, 3).join('') || '?';
}
