// preact + htm: tagged templates instead of JSX, so the browser code needs no JSX transform.

import { h, type VNode } from 'preact';
import htm from 'htm';

export const html = htm.bind(h) as (strings: TemplateStringsArray, ...values: unknown[]) => VNode;

export function short(id: string, keep = 8): string {
  const dash = id.indexOf('-');
  return dash < 0 || id.length <= dash + 1 + keep ? id : `${id.slice(0, dash + 1 + keep)}…`;
}
