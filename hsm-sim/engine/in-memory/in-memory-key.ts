import {
  KeyClass,
  type KeyAttributes,
  type KeyAttributeUpdate,
  type KeyHandle,
  type KeyObjectOptions,
  type KeyQuery,
  type KeyUsage,
} from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';
import { sizeAttributes, type KeyMaterial } from './key-material';

export type KeyOrigin = 'generated' | 'imported' | 'unwrapped';

type UsageFlag = keyof KeyUsage;
type UsageFlags = { -readonly [F in UsageFlag]-?: boolean };

const USAGE_FLAGS = ['encrypt', 'decrypt', 'wrap', 'unwrap', 'sign', 'verify', 'derive'] as const satisfies readonly UsageFlag[];

export class InMemoryKey {
  readonly token: boolean;
  private label: string;
  private id: Buffer;
  private readonly usage: UsageFlags;
  private extractable: boolean;
  private sensitive: boolean;
  private readonly local: boolean;
  private readonly alwaysSensitive: boolean;
  private readonly neverExtractable: boolean;

  constructor(
    readonly material: KeyMaterial,
    readonly sequence: number,
    options: KeyObjectOptions,
    origin: KeyOrigin,
  ) {
    const isPublic = material.class === KeyClass.PUBLIC;
    const generated = origin === 'generated';
    this.token = options.token ?? false;
    this.label = options.label ?? '';
    this.id = Buffer.from(options.id ?? Buffer.alloc(0));
    this.usage = { encrypt: false, decrypt: false, wrap: false, unwrap: false, sign: false, verify: false, derive: false };
    for (const flag of USAGE_FLAGS) this.usage[flag] = options[flag] ?? false;
    this.extractable = isPublic || (options.extractable ?? false);
    this.sensitive = !isPublic && (options.sensitive ?? true);
    this.local = generated;
    this.alwaysSensitive = generated && !isPublic && this.sensitive;
    this.neverExtractable = generated && !isPublic && !this.extractable;
  }

  requireUsage(flag: UsageFlag, operation: string): void {
    if (!this.usage[flag]) throw new HsmError(Ckr.KEY_FUNCTION_NOT_PERMITTED, operation, `${flag} is not allowed`);
  }

  get isExtractable(): boolean {
    return this.extractable;
  }

  attributes(handle: KeyHandle): KeyAttributes {
    return {
      handle,
      class: this.material.class,
      keyType: this.material.keyType,
      label: this.label,
      id: Buffer.from(this.id),
      token: this.token,
      ...this.usage,
      extractable: this.extractable,
      sensitive: this.sensitive,
      local: this.local,
      alwaysSensitive: this.alwaysSensitive,
      neverExtractable: this.neverExtractable,
      ...sizeAttributes(this.material),
    };
  }

  update(update: KeyAttributeUpdate, operation: string): void {
    const extractable = update.extractable ?? this.extractable;
    const sensitive = update.sensitive ?? this.sensitive;
    if ((extractable && !this.extractable) || (!sensitive && this.sensitive)) {
      throw new HsmError(Ckr.ATTRIBUTE_READ_ONLY, operation, 'extractable and sensitive only move towards protection');
    }
    if (this.material.class === KeyClass.PUBLIC && (!extractable || sensitive)) {
      throw new HsmError(Ckr.ATTRIBUTE_READ_ONLY, operation, 'public keys are extractable and not sensitive');
    }
    this.extractable = extractable;
    this.sensitive = sensitive;
    if (update.label !== undefined) this.label = update.label;
    if (update.id !== undefined) this.id = Buffer.from(update.id);
    for (const flag of USAGE_FLAGS) this.usage[flag] = update[flag] ?? this.usage[flag];
  }

  matches(query: KeyQuery): boolean {
    return (
      (query.label === undefined || query.label === this.label) &&
      (query.id === undefined || query.id.equals(this.id)) &&
      (query.class === undefined || query.class === this.material.class) &&
      (query.keyType === undefined || query.keyType === this.material.keyType) &&
      (query.token === undefined || query.token === this.token)
    );
  }
}
