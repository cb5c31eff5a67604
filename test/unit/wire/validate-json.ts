// Runs a JSON input through the same decode-and-validate steps as the endpoint, without HTTP.

import { decodeJsonInput } from '../../../src/wire/json-input.decoder';
import { validateInput } from '../../../src/wire/input-validator';
import type { ServiceModel } from '../../../src/wire/service-model';
import { validationMessage } from '../../../src/wire/validation-message';

/** The ValidationException message AWS would answer, or undefined for a valid input. */
export function validationMessageFor(model: ServiceModel, operation: string, input: unknown): string | undefined {
  const shape = model.operation(operation)!.input!;
  const violations = validateInput(shape, decodeJsonInput(shape, Buffer.from(JSON.stringify(input))));
  return violations.length === 0 ? undefined : validationMessage(violations);
}
