// One table from what the connector ran into to the ConnectionErrorCode of aws-behaviour 3.4.

import { expect } from 'chai';
import { NodeError } from '../../../../hsm-sim/node/node.types';
import { RpcConnectionError } from '../../../../hsm-sim/protocol/rpc-connection-error';
import { InsufficientFreeAddressesInSubnet, InvalidSubnetIdNotFound, InvalidVpcIdNotFound } from '../../../../src/ec2/domain/ec2.errors';
import { ClusterCondition, ConnectFailure, connectionErrorCodeOf } from '../../../../src/kms/custom-key-stores/domain/connection-error-codes';

describe('connection error codes (3.4)', () => {
  it('maps kmsuser login and password-change failures of an HSM', () => {
    expect(connectionErrorCodeOf(new NodeError('CKR_PIN_INCORRECT', 'wrong password'))).to.equal('INVALID_CREDENTIALS');
    expect(connectionErrorCodeOf(new NodeError('CKR_PIN_LOCKED', 'locked'))).to.equal('USER_LOCKED_OUT');
    expect(connectionErrorCodeOf(new NodeError('CKR_USER_NOT_FOUND', 'no user'))).to.equal('USER_NOT_FOUND');
    expect(connectionErrorCodeOf(new NodeError('CKR_USER_ALREADY_LOGGED_IN', 'elsewhere'))).to.equal('USER_LOGGED_IN');
  });

  it('maps what the connector finds in the cluster and its network', () => {
    const code = (condition: ClusterCondition) => connectionErrorCodeOf(new ConnectFailure(condition, 'test'));
    expect(code(ClusterCondition.CLUSTER_NOT_FOUND)).to.equal('CLUSTER_NOT_FOUND');
    expect(code(ClusterCondition.NO_ACTIVE_HSM)).to.equal('INSUFFICIENT_CLOUDHSM_HSMS');
    expect(code(ClusterCondition.SUBNET_NOT_FOUND)).to.equal('SUBNET_NOT_FOUND');
    expect(code(ClusterCondition.NO_FREE_ADDRESS)).to.equal('INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET');
    expect(code(ClusterCondition.HSM_NOT_RUNNING)).to.equal('NETWORK_ERRORS');
    expect(code(ClusterCondition.TWO_FACTOR_CHALLENGE)).to.equal('INVALID_CREDENTIALS');
    expect(connectionErrorCodeOf(new InsufficientFreeAddressesInSubnet('full'))).to.equal('INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET');
    expect(connectionErrorCodeOf(new InvalidSubnetIdNotFound('gone'))).to.equal('SUBNET_NOT_FOUND');
  });

  it('maps transport failures, TLS verification included, to NETWORK_ERRORS', () => {
    for (const code of ['ECONNREFUSED', 'ETIMEDOUT', 'CLOSED', 'ECONNRESET', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN']) {
      expect(connectionErrorCodeOf(new RpcConnectionError(code, 'transport')), code).to.equal('NETWORK_ERRORS');
    }
  });

  it('gives INTERNAL_ERROR for anything else', () => {
    expect(connectionErrorCodeOf(new NodeError('CKR_CLUSTER_NOT_INITIALIZED', 'not activated'))).to.equal('INTERNAL_ERROR');
    expect(connectionErrorCodeOf(new RpcConnectionError('ERR_SOMETHING_NEW', 'odd'))).to.equal('INTERNAL_ERROR');
    expect(connectionErrorCodeOf(new InvalidVpcIdNotFound('gone'))).to.equal('INTERNAL_ERROR');
    expect(connectionErrorCodeOf(new TypeError('bug'))).to.equal('INTERNAL_ERROR');
    expect(connectionErrorCodeOf('a string')).to.equal('INTERNAL_ERROR');
  });
});
