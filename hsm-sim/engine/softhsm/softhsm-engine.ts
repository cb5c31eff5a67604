// The HSM engine over SoftHSM2 through PKCS#11 (pkcs11js): the only place that talks to a real token
// store. Tokens are found by label (SoftHSM re-assigns slot ids when a token is initialised).

import type * as p from 'pkcs11js';
import * as pkcs11js from 'pkcs11js';
import { checkPin, checkTokenLabel, TOKEN_LABEL_MAX_BYTES } from '../engine-limits';
import { Ckr, HsmError } from '../hsm-error';
import type { HsmEngine, HsmSession, TokenInfo, TokenInitialization } from '../hsm-engine.port';
import { KeyKindCache } from './key-kind-cache';
import { acquirePkcs11, releasePkcs11 } from './pkcs11-library';
import { translatePkcs11Error } from './pkcs11-error-translation';
import { writeSoftHsmConfig } from './softhsm-config-file';
import { resolveSoftHsmLibrary } from './softhsm-library-path';
import { SoftHsmSession } from './softhsm-session';

export interface SoftHsmEngineConfig {
  /** The engine's own folder: softhsm2.conf and tokens/ live here. */
  readonly directory: string;
  /** Absolute path of libsofthsm2.so; defaults to $SOFTHSM2_LIB, then the Debian locations. */
  readonly libraryPath?: string;
}

interface Slot {
  readonly id: Buffer;
  readonly info: TokenInfo;
}

export class SoftHsmEngine implements HsmEngine {
  readonly name = 'softhsm2';
  private readonly sessions = new Set<SoftHsmSession>();
  private readonly kinds = new KeyKindCache();
  private closed = false;

  /** holder: this engine's claim on the process-wide PKCS#11 library. */
  private constructor(
    private readonly pkcs11: p.PKCS11,
    private readonly holder: object,
  ) {}

  static async open(config: SoftHsmEngineConfig): Promise<SoftHsmEngine> {
    const libraryPath = resolveSoftHsmLibrary(config.libraryPath);
    const { configFile } = writeSoftHsmConfig(config.directory);
    const holder = {};
    return new SoftHsmEngine(acquirePkcs11(libraryPath, configFile, holder), holder);
  }

  async initToken(init: TokenInitialization): Promise<TokenInfo> {
    this.requireOpen('C_InitToken');
    checkTokenLabel(init.label, 'C_InitToken');
    checkPin(init.soPin, 'C_InitToken');
    checkPin(init.userPin, 'C_InitPIN');
    const existing = this.slots().find((slot) => slot.info.label === init.label);
    const slotId = existing?.id ?? this.freeSlot();
    if (existing) this.closeSessionsOf(existing);
    this.pkcs11Call('C_InitToken', () =>
      this.pkcs11.C_InitToken(slotId, init.soPin, init.label.padEnd(TOKEN_LABEL_MAX_BYTES, ' ')),
    );
    const initialized = this.slotByLabel(init.label);
    this.pkcs11Call('C_InitPIN', () => {
      const session = this.pkcs11.C_OpenSession(initialized.id, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
      try {
        this.pkcs11.C_Login(session, pkcs11js.CKU_SO, init.soPin);
        this.pkcs11.C_InitPIN(session, init.userPin);
        this.pkcs11.C_Logout(session);
      } finally {
        this.pkcs11.C_CloseSession(session);
      }
    });
    return this.slotByLabel(init.label).info;
  }

  findToken(label: string): TokenInfo | undefined {
    this.requireOpen('C_GetTokenInfo');
    return this.slots().find((slot) => slot.info.label === label)?.info;
  }

  listTokens(): TokenInfo[] {
    this.requireOpen('C_GetTokenInfo');
    return this.slots().map((slot) => slot.info);
  }

  async openSession(tokenLabel: string): Promise<HsmSession> {
    this.requireOpen('C_OpenSession');
    const slot = this.slotByLabel(tokenLabel);
    const handle = this.pkcs11Call('C_OpenSession', () =>
      this.pkcs11.C_OpenSession(slot.id, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION),
    );
    const session = new SoftHsmSession(this.pkcs11, handle, tokenLabel, this.kinds, (closed) => this.sessions.delete(closed));
    this.sessions.add(session);
    return session;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const session of [...this.sessions]) session.markClosed();
    this.kinds.clear();
    // C_Finalize closes every session and logs every token out; session objects are destroyed.
    releasePkcs11(this.holder);
  }

  private slots(): Slot[] {
    return this.pkcs11Call('C_GetSlotList', () =>
      this.pkcs11
        .C_GetSlotList(true)
        .map((id) => ({ id, raw: this.pkcs11.C_GetTokenInfo(id) }))
        .filter(({ raw }) => (raw.flags & pkcs11js.CKF_TOKEN_INITIALIZED) !== 0)
        .map(({ id, raw }) => ({
          id,
          info: {
            label: raw.label.replace(/[\s\0]+$/, ''),
            serial: raw.serialNumber.replace(/[\s\0]+$/, ''),
            userPinInitialized: (raw.flags & pkcs11js.CKF_USER_PIN_INITIALIZED) !== 0,
          },
        })),
    );
  }

  private slotByLabel(label: string): Slot {
    const slot = this.slots().find((candidate) => candidate.info.label === label);
    if (!slot) throw new HsmError(Ckr.TOKEN_NOT_PRESENT, 'C_OpenSession', `no token labelled "${label}"`);
    return slot;
  }

  private freeSlot(): Buffer {
    return this.pkcs11Call('C_GetSlotList', () => {
      const free = this.pkcs11
        .C_GetSlotList(true)
        .find((id) => (this.pkcs11.C_GetTokenInfo(id).flags & pkcs11js.CKF_TOKEN_INITIALIZED) === 0);
      if (!free) throw new HsmError(Ckr.TOKEN_NOT_PRESENT, 'C_InitToken', 'SoftHSM offers no free slot');
      return free;
    });
  }

  private closeSessionsOf(slot: Slot): void {
    for (const session of [...this.sessions]) {
      if (session.tokenLabel === slot.info.label) session.markClosed();
    }
    this.pkcs11Call('C_CloseAllSessions', () => this.pkcs11.C_CloseAllSessions(slot.id));
  }

  private requireOpen(operation: string): void {
    if (this.closed) throw new HsmError(Ckr.GENERAL_ERROR, operation, 'engine is closed');
  }

  private pkcs11Call<T>(operation: string, task: () => T): T {
    try {
      return task();
    } catch (error) {
      throw translatePkcs11Error(error, operation);
    }
  }
}
