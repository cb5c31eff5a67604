// CloudHSM V2 API shapes the services return (aws-behaviour 6.2), as the wire serialises them.

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export interface BackupRetentionPolicy {
  readonly Type: 'DAYS';
  /** A string of 1-3 digits, "7".."379" (6.2: the model types it as a string). */
  readonly Value: string;
}

export interface ClusterCertificates {
  ClusterCsr?: string;
  HsmCertificate?: string;
  AwsHardwareCertificate?: string;
  ManufacturerHardwareCertificate?: string;
  ClusterCertificate?: string;
}

export interface HsmShape {
  readonly AvailabilityZone: string;
  readonly ClusterId: string;
  readonly SubnetId: string;
  readonly EniId: string;
  readonly EniIp: string;
  readonly HsmId: string;
  readonly HsmType: string;
  readonly State: string;
  readonly StateMessage: string;
}

export interface ClusterShape {
  readonly BackupPolicy: 'DEFAULT';
  readonly BackupRetentionPolicy: BackupRetentionPolicy;
  readonly ClusterId: string;
  readonly CreateTimestamp: Date;
  readonly Hsms: HsmShape[];
  readonly HsmType: string;
  readonly SecurityGroup: string;
  readonly SourceBackupId?: string;
  readonly State: string;
  readonly StateMessage?: string;
  readonly SubnetMapping: Record<string, string>;
  readonly VpcId: string;
  readonly NetworkType: string;
  readonly Certificates: ClusterCertificates;
  readonly TagList: Tag[];
  readonly Mode: string;
}
