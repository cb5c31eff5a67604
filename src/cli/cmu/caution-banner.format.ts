// 7.7: mutating commands print a CAUTION banner: changes are not synchronised to HSMs the command did not run on.

export const CAUTION_BANNER: readonly string[] = [
  '*************************CAUTION********************************',
  'This is a CRITICAL operation, should be done on all nodes in the',
  'cluster. AWS does NOT synchronize these changes automatically with the',
  'nodes on which this operation is not executed or failed, please',
  'ensure this operation is executed on all nodes in the cluster.',
  '****************************************************************',
  '',
];

export const CONTINUE_QUESTION = 'Do you want to continue(y/n)?';

/** y or yes, any case; anything else (and the end of the input) is no. */
export function isYes(answer: string | undefined): boolean {
  return answer !== undefined && /^y(es)?$/i.test(answer.trim());
}
