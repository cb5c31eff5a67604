// 7.9: every CloudHSM CLI command prints {"error_code": 0, "data": …}; a failure a non-zero error_code and a message.

import { describeError } from './cli-failure';

// SIM: real error codes and texts were not captured (aws-behaviour §9.28): every failure is error_code 1
const FAILURE_CODE = 1;

export function successJson(data: unknown): string {
  return JSON.stringify({ error_code: 0, data }, null, 2);
}

export function failureJson(error: unknown): string {
  return JSON.stringify({ error_code: FAILURE_CODE, data: describeError(error) }, null, 2);
}
