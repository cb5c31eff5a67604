// `${...}` templates in plan values: a dotted path with [n] indexes into the run's context, e.g.
// `${hsms[0].id}`, `${zones[1]}`, `${steps.newKey.output.KeyMetadata.KeyId}`. A string that is one template
// alone takes the value's own type (a number stays a number); otherwise the values are written into the text.

export const TEMPLATE_ROOTS = ['region', 'store', 'cluster', 'hsms', 'zones', 'probe', 'steps'] as const;

const TEMPLATE = /\$\{([^}]*)\}/g;
const WHOLE_TEMPLATE = /^\$\{([^}]*)\}$/;
const REFERENCE = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/;
const SEGMENT = /([A-Za-z_][\w-]*)|\[(\d+)\]/g;

export class TemplateError extends Error {}

/** The references inside every template of `text`, e.g. ['hsms[0].id']. */
export function templateReferences(text: string): string[] {
  return [...text.matchAll(TEMPLATE)].map((match) => match[1]!.trim());
}

/** Why a reference is malformed, or undefined when it is well formed. */
export function referenceProblem(reference: string): string | undefined {
  if (!REFERENCE.test(reference)) return `"\${${reference}}" is not a path like \${hsms[0].id}`;
  const root = pathOf(reference)[0] as string;
  if (!(TEMPLATE_ROOTS as readonly string[]).includes(root)) return `"\${${reference}}" starts with "${root}"; valid: ${TEMPLATE_ROOTS.join(', ')}`;
  if (root === 'steps' && typeof pathOf(reference)[1] !== 'string') return `"\${${reference}}" needs a step name: \${steps.<name>.output.<path>}`;
  return undefined;
}

export function pathOf(reference: string): (string | number)[] {
  return [...reference.matchAll(SEGMENT)].map((match) => (match[1] !== undefined ? match[1] : Number(match[2])));
}

/** Follows `reference` in `context`; throws a TemplateError naming the first missing part. */
export function lookUp(context: unknown, reference: string): unknown {
  let value: unknown = context;
  const walked: string[] = [];
  for (const segment of pathOf(reference)) {
    const next = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
    walked.push(typeof segment === 'number' ? `[${segment}]` : `${walked.length > 0 ? '.' : ''}${segment}`);
    if (next === undefined) throw new TemplateError(`\${${reference}}: ${walked.join('')} has no value in this run`);
    value = next;
  }
  return value;
}

/** A copy of `value` with every template in its strings resolved against `context`. */
export function resolveTemplates<T>(value: T, context: unknown): T {
  return resolve(value, context) as T;
}

function resolve(value: unknown, context: unknown): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_TEMPLATE.exec(value);
    if (whole) return lookUp(context, whole[1]!.trim());
    return value.replace(TEMPLATE, (_text, reference: string) => {
      const found = lookUp(context, reference.trim());
      return typeof found === 'object' ? JSON.stringify(found) : String(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, context));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, context)]));
  }
  return value;
}
