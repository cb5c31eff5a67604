// A typed view over AWS's own service models (botocore service-2.json, reduced to the operations we
// serve). service-model.loader.ts builds it; everything else in src/wire reads only these types.

export type WireProtocol = 'json' | 'ec2';

interface ShapeBase {
  readonly name: string;
  /** Marked sensitive in the model: its value never appears in an error message. */
  readonly sensitive: boolean;
}

export interface StructureShape extends ShapeBase {
  readonly type: 'structure';
  /** In model order, which is also the order of validation messages. */
  readonly members: ReadonlyMap<string, Member>;
  readonly required: ReadonlySet<string>;
}

export interface ListShape extends ShapeBase {
  readonly type: 'list';
  readonly member: Member;
  readonly min?: number;
  readonly max?: number;
  readonly flattened: boolean;
}

export interface MapShape extends ShapeBase {
  readonly type: 'map';
  readonly key: Member;
  readonly value: Member;
  readonly min?: number;
  readonly max?: number;
  readonly flattened: boolean;
}

export interface StringShape extends ShapeBase {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface NumberShape extends ShapeBase {
  readonly type: 'integer' | 'long';
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanShape extends ShapeBase {
  readonly type: 'boolean';
}

export interface TimestampShape extends ShapeBase {
  readonly type: 'timestamp';
}

export interface BlobShape extends ShapeBase {
  readonly type: 'blob';
  readonly min?: number;
  readonly max?: number;
}

export type ScalarShape = StringShape | NumberShape | BooleanShape | TimestampShape | BlobShape;
export type Shape = StructureShape | ListShape | MapShape | ScalarShape;

/** A reference to a shape from a structure member, a list member or a map key/value. */
export interface Member {
  readonly name: string;
  readonly shape: Shape;
  /** The XML element name (output) and, capitalised, the EC2 query name (input). */
  readonly locationName?: string;
  /** The EC2 query name when it differs from the capitalised locationName. */
  readonly queryName?: string;
}

export interface OperationModel {
  readonly name: string;
  readonly input?: StructureShape;
  readonly output?: StructureShape;
}

export interface ServiceMetadata {
  readonly protocol: WireProtocol;
  readonly serviceId: string;
  /** The SigV4 credential-scope service name: `cloudhsm` for CloudHSM V2, `kms`, `ec2`. */
  readonly signingName: string;
  /** awsJson only: the `X-Amz-Target` prefix (`TrentService`, `BaldrApiService`). */
  readonly targetPrefix?: string;
  /** ec2 only: the response namespace. */
  readonly xmlNamespace?: string;
}

export class ServiceModel {
  constructor(
    readonly metadata: ServiceMetadata,
    private readonly operations: ReadonlyMap<string, OperationModel>,
    private readonly exceptionMessageMembers: ReadonlyMap<string, string>,
    /** The message member most of the service's exceptions use (`message` for KMS, `Message` for CloudHSM V2). */
    private readonly defaultMessageMember: string,
  ) {}

  operation(name: string): OperationModel | undefined {
    return this.operations.get(name);
  }

  get operationNames(): string[] {
    return [...this.operations.keys()];
  }

  /** The member an error body carries its text in (aws-behaviour 1.1: `message` for KMS, `Message` for CloudHSM V2). */
  messageMember(exceptionName: string): string {
    return this.exceptionMessageMembers.get(exceptionName) ?? this.defaultMessageMember;
  }
}
