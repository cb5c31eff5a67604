// The process-wide PKCS#11 module. SoftHSM keeps one library state per process and reads SOFTHSM2_CONF
// at C_Initialize, so one engine at a time may hold it; pkcs11js unloads the library when its PKCS11
// object is collected, so the object lives for the whole process.

import * as pkcs11js from 'pkcs11js';
import { Ckr, HsmError } from '../hsm-error';
import { translatePkcs11Error } from './pkcs11-error-translation';

let library: pkcs11js.PKCS11 | undefined;
let loadedPath: string | undefined;
let owner: object | undefined;

export function acquirePkcs11(libraryPath: string, configFile: string, holder: object): pkcs11js.PKCS11 {
  if (owner) {
    throw new HsmError(Ckr.GENERAL_ERROR, 'C_Initialize', 'another SoftHSM engine is open in this process; close it first');
  }
  if (!library) {
    library = new pkcs11js.PKCS11();
    library.load(libraryPath);
    loadedPath = libraryPath;
  } else if (loadedPath !== libraryPath) {
    throw new HsmError(Ckr.GENERAL_ERROR, 'C_Initialize', `library already loaded from ${loadedPath}`);
  }
  // SoftHSM reads the C environment at C_Initialize; in the main thread process.env writes through.
  process.env.SOFTHSM2_CONF = configFile;
  try {
    // softhsm-notes: without CKF_OS_LOCKING_OK SoftHSM disables its mutexes and async calls crash it.
    library.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  } catch (error) {
    throw translatePkcs11Error(error, 'C_Initialize');
  }
  owner = holder;
  return library;
}

export function releasePkcs11(holder: object): void {
  if (owner !== holder || !library) return;
  owner = undefined;
  try {
    library.C_Finalize();
  } catch (error) {
    throw translatePkcs11Error(error, 'C_Finalize');
  }
}
