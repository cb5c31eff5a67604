// What the fault injector needs of the HSM appliance: signals to a node process, the faults a node
// applies to itself, and a crypto officer's password change on one HSM.

import type { ActiveNodeFault } from '../../../hsm-sim/faults/node-fault.types';

export type PasswordChange = { readonly changed: true } | { readonly changed: false; readonly reason: string };

export interface FaultSeams {
  /** The whole set of node faults active on the HSM; an empty set heals them. */
  setNodeFaults(hsmId: string, faults: readonly ActiveNodeFault[]): void;
  /** As a CO would: refused while the user is logged in on that HSM, or when it does not exist. */
  changeUserPassword(hsmId: string, username: string, password: string): Promise<PasswordChange>;
  killHsm(hsmId: string): Promise<void>;
  hangHsm(hsmId: string): void;
  unhangHsm(hsmId: string): void;
  /** Starts a dead HSM process again from its folder; true when it runs. */
  startHsmAgain(hsmId: string): Promise<boolean>;
}
