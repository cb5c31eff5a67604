// aws-behaviour 3.4: each ConnectionErrorCode of a CloudHSM key store, its cause and AWS's documented fix
// (the "documented fix" column), as the console shows them next to a FAILED store.

import { ConnectionErrorCode } from '../kms/custom-key-stores/domain/connection-error-codes';

export interface ConnectionAdvice {
  readonly cause: string;
  readonly fix: string;
}

const C = ConnectionErrorCode;
export const CONNECTION_ADVICE: Readonly<Record<ConnectionErrorCode, ConnectionAdvice>> = {
  [C.INTERNAL_ERROR]: { cause: 'KMS could not complete the request because of an internal error.', fix: 'Retry. For ConnectCustomKeyStore, disconnect the store before you connect it again.' },
  [C.NETWORK_ERRORS]: { cause: 'Network errors prevent KMS from connecting to the cluster (often transient).', fix: 'Disconnect the store, wait, and connect it again.' },
  [C.CLUSTER_NOT_FOUND]: { cause: 'KMS cannot find a cluster with the cluster ID the store records (wrong ID, or the cluster was deleted).', fix: 'Create a cluster from a backup of the original one, then UpdateCustomKeyStore with the new cluster ID.' },
  [C.INSUFFICIENT_CLOUDHSM_HSMS]: { cause: 'The cluster has no active HSM; connecting needs at least one.', fix: 'Add an HSM to the cluster (CreateHsm).' },
  [C.INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET]: { cause: 'A private subnet of the cluster has no free IP address for the ENI KMS creates (one per subnet needed, two preferable).', fix: 'Free IP addresses in the subnet, or create a cluster from a backup in larger subnets and UpdateCustomKeyStore with its ID.' },
  [C.INVALID_CREDENTIALS]: { cause: "The KeyStorePassword KMS holds is not kmsuser's password in the cluster.", fix: "Set a known password for kmsuser with cloudhsm_mgmt_util (changePswd) or the CloudHSM CLI, then UpdateCustomKeyStore with that KeyStorePassword and connect." },
  [C.SUBNET_NOT_FOUND]: { cause: 'A subnet of the cluster configuration was deleted.', fix: 'Create a cluster from a backup (with new subnets), then UpdateCustomKeyStore with the new cluster ID.' },
  [C.USER_LOCKED_OUT]: { cause: 'kmsuser is locked out after too many failed logins.', fix: "A crypto officer changes kmsuser's password (changePswd), then UpdateCustomKeyStore with that KeyStorePassword and connect." },
  [C.USER_LOGGED_IN]: { cause: 'kmsuser is logged in to the cluster elsewhere, so KMS cannot rotate its password and log in.', fix: 'Log kmsuser out of the cluster (and UpdateCustomKeyStore if you changed its password), then connect.' },
  [C.USER_NOT_FOUND]: { cause: 'The cluster has no kmsuser crypto user (or it exists on some HSMs only).', fix: 'Create a kmsuser CU on every HSM of the cluster, UpdateCustomKeyStore with its password, and connect.' },
};
