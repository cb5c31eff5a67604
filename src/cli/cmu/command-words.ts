// One typed line as words: blanks separate them, double or single quotes keep blanks inside one
// (`attr.label="my key"`).

const WORD = /(?:"[^"]*"|'[^']*'|[^\s"']+)+/g;
const QUOTED = /"([^"]*)"|'([^']*)'/g;

export function splitWords(line: string): string[] {
  return [...line.matchAll(WORD)].map(([word]) => word.replace(QUOTED, (_quoted, double: string | undefined, single: string | undefined) => double ?? single ?? ''));
}
