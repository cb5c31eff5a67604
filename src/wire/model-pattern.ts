// Model patterns are Java regular expressions (AWS validates them in Java). They are translated to
// JavaScript once, compiled once and cached; a pattern JavaScript cannot take is skipped with one warning.

/** Java's POSIX character classes, which JavaScript does not know. */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

const compiled = new Map<string, RegExp | null>();

/**
 * Java to JavaScript: `\A`, `\z` and `\Z` become anchors, POSIX classes (`\p{Alpha}`) plain ranges; the
 * rest is common ground. Whole-value match, as Java's `Matcher.matches()` that AWS validation uses.
 */
export function translateJavaPattern(pattern: string): string {
  let body = '';
  let inClass = false;
  for (let at = 0; at < pattern.length; at += 1) {
    const char = pattern[at]!;
    if (char !== '\\') {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      body += char;
      continue;
    }
    const escaped = pattern[at + 1] ?? '';
    const posix = /^[pP]\{(?:Is)?(\w+)\}/.exec(pattern.slice(at + 1));
    const range = posix === null ? undefined : POSIX_CLASSES[posix[1]!];
    if (posix !== null && range !== undefined && !(inClass && escaped === 'P')) {
      const negated = escaped === 'P' ? '^' : '';
      body += inClass ? range : `[${negated}${range}]`;
      at += posix[0].length;
    } else if (!inClass && escaped === 'A') {
      body += '^';
      at += 1;
    } else if (!inClass && (escaped === 'z' || escaped === 'Z')) {
      body += '$';
      at += 1;
    } else {
      body += char + escaped;
      at += 1;
    }
  }
  return `^(?:${body})$`;
}

/** The compiled pattern, or undefined (after one warning per pattern) when it cannot be compiled. */
export function modelPattern(pattern: string, warn: (message: string) => void = (message) => process.emitWarning(message)): RegExp | undefined {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  const source = translateJavaPattern(pattern);
  // The u flag is needed for \p{L} and friends; some Java-valid classes (e.g. [\w-_]) are only valid without it.
  const regex = tryCompile(source, 'u') ?? tryCompile(source, '');
  if (regex === undefined) warn(`model pattern ${pattern} cannot be compiled in JavaScript; values are not checked against it`);
  compiled.set(pattern, regex ?? null);
  return regex;
}

function tryCompile(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}
